import Gazetteer

/// The canonical actors of ../gold/FORMAT.md.
public enum Actor: String, Codable, Sendable, Hashable, CaseIterable {
    case sdf = "SDF"
    case asayish = "Asayish"
    case syrianGovernment = "Syrian government"
    case isis = "ISIS"
    case coalition = "Coalition"
    case us = "US"
    case pmf = "PMF"
    case iraq = "Iraq"
    case turkey = "Turkey"
    case russia = "Russia"
    case civilians = "civilians"
}

/// What happened: the incident types of FORMAT.md.
public enum IncidentType: String, Codable, Sendable, Hashable, CaseIterable {
    case attack, clash, escape, strike, arrest
    case controlChange = "control_change"
    case deployment, agreement, curfew, hostage
}

/// A phrase of the lexicon: folded words, the first may carry clitics in text; `prefix` lets
/// the last word match inflected forms (اشتباك → اشتباكات).
struct Phrase: Sendable {
    let words: [String]
    let prefix: Bool
    /// Identifies the phrase among all phrases (its text hashed), for de-duplicating matches.
    let id: Int

    init(_ text: String, prefix: Bool = false) {
        words = text.split(separator: " ").map { Lexicon.bare(PlaceName.fold(String($0))) }
        self.prefix = prefix
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in (text + (prefix ? "*" : "")).utf8 {
            h ^= UInt64(b)
            h &*= 0x100_0000_01b3
        }
        id = Int(truncatingIfNeeded: h)
    }

    /// The number of tokens matched at `i`, or nil.
    func match(_ tokens: [Token], at i: Int) -> Int? {
        guard i + words.count <= tokens.count else { return nil }
        for (k, word) in words.enumerated() {
            let isLast = k == words.count - 1
            func ok(_ form: String) -> Bool {
                if form.sameBytes(as: word) { return true }
                guard isLast, prefix, form.utf8.count <= word.utf8.count + 8 else { return false }
                return form.utf8.starts(with: word.utf8)
            }
            if k == 0 ? !tokens[i].forms.contains(where: ok) : !ok(tokens[i + k].bare) { return nil }
        }
        return words.count
    }
}

/// Phrases indexed by their first word (or its first three letters for inflected single words),
/// so a token is checked against the few phrases that can start with it, not all of them.
struct PhraseIndex<Value: Sendable>: Sendable {
    private var byWord = [FastKey: [(Phrase, Value)]]()
    private var byStem = [FastKey: [(Phrase, Value)]]()

    init(_ groups: [(Value, [Phrase])]) {
        for (value, phrases) in groups {
            for phrase in phrases {
                guard let first = phrase.words.first else { continue }
                if phrase.prefix, phrase.words.count == 1 {
                    byStem[FastKey(String(first.prefix(3))), default: []].append((phrase, value))
                } else {
                    byWord[FastKey(first), default: []].append((phrase, value))
                }
            }
        }
    }

    /// A phrase that may start at a word: through which of the word's forms, and what it names.
    typealias Candidate = (form: Int, phrase: Phrase, value: Value)

    /// The phrases that can start with a word of these forms (keys of its forms and of their
    /// first three letters); the vocabulary asks once per word type.
    func candidates(formKeys: [FastKey], stemKeys: [FastKey]) -> [Candidate] {
        var found = [Candidate]()
        for k in formKeys.indices {
            for phrases in [byWord[formKeys[k]], byStem[stemKeys[k]]] {
                for (phrase, value) in phrases ?? [] { found.append((k, phrase, value)) }
            }
        }
        return found
    }

    /// Matches at `i`, in lexicon order, with their lengths.
    func matches(_ tokens: [Token], at i: Int) -> [(value: Value, length: Int, order: Int)] {
        let entry = tokens[i].entry
        return matches(tokens, at: i, candidates: candidates(formKeys: entry.formKeys, stemKeys: entry.stemKeys))
    }

    /// Matches at `i` among the phrases that can start with its word.
    func matches(_ tokens: [Token], at i: Int, candidates: [Candidate]) -> [(value: Value, length: Int, order: Int)] {
        var found = [(value: Value, length: Int, order: Int)]()
        for (k, phrase, value) in candidates {
            guard let n = phrase.match(tokens, at: i) else { continue }
            // The same phrase reached through two forms of the word counts once.
            if k > 0, found.contains(where: { $0.length == n && $0.order == phrase.id }) { continue }
            found.append((value, n, phrase.id))
        }
        return found
    }
}

enum Lexicon {
    /// A word list as tokens' folded forms read it: hamza seats, alef maqsura and taa marbuta
    /// folded (``PlaceName/fold(_:)``), so "طائرة" in a list meets "طائرة" in a text.
    static func folded(_ words: Set<String>) -> Set<String> {
        Set(words.map { PlaceName.isArabic($0) ? PlaceName.fold($0) : $0 })
    }

    /// A folded word without the article.
    static func bare(_ word: String) -> String {
        if PlaceName.isArabic(word), word.hasPrefix("ال"), word.count > 3 { return String(word.dropFirst(2)) }
        return word.lowercased()
    }

    /// A folded word and its forms without attached clitics (و ف ب ل ك, لل) and article.
    static func forms(_ word: String) -> [String] {
        guard PlaceName.isArabic(word) else { return [word.lowercased()] }
        var out = [bare(word)]
        for variant in PlaceName.lookupVariants(of: word).dropFirst() where variant.count >= 2 {
            out.append(bare(variant))
        }
        return out
    }

    static let cueIndex = PhraseIndex(cues)
    /// The position of each type and actor in its list: earlier wins a tie.
    static let cueOrder = Dictionary(uniqueKeysWithValues: cues.enumerated().map { ($1.0, $0) })
    static let actorOrder = Dictionary(uniqueKeysWithValues: actors.enumerated().map { ($1.0, $0) })
    static let actorIndex = PhraseIndex(actors)
    static let outletIndex = PhraseIndex(outlets)

    /// Event cues per type.
    static let cues: [(IncidentType, [Phrase])] = [
        (.curfew, [Phrase("حظر تجوال"), Phrase("حظر التجوال"), Phrase("حظر التجول"), Phrase("حظر تجول"), Phrase("حظرا كليا"), Phrase("يمنع التجول"), Phrase("منع التجول"), Phrase("يمنع التجوال"), Phrase("منع التجوال"),
                   Phrase("حظرا جزئيا"), Phrase("curfew", prefix: true),
                   // "فرضت حظراً للتجوال": the ban "for" movement.
                   Phrase("حظرا للتجوال"), Phrase("حظرا للتجول"), Phrase("حظر للتجوال"), Phrase("حظر للتجول"),
                   Phrase("حظرا علي التجوال"), Phrase("حظرا علي التجول"), Phrase("حظرا شاملا للتجوال"),
                   // "أعلن الجيش منطقة غرب الفرات منطقة عسكرية مغلقة": movement banned, as a curfew.
                   Phrase("منطقه عسكريه مغلقه"), Phrase("closed military zone")]),
        (.agreement, [Phrase("وقعت اتفاقا"), Phrase("وقعت اتفاق", prefix: true), Phrase("توقيع اتفاق", prefix: true),
                      Phrase("التوصل الي اتفاق", prefix: true), Phrase("ابرام اتفاق", prefix: true), Phrase("اتفاق المبرم"),
                      Phrase("الاتفاق المبرم"), Phrase("اعلان وقف اطلاق النار"), Phrase("اتفقا علي"), Phrase("signed", prefix: true),
                      Phrase("agreed to"), Phrase("ceasefire agreement"), Phrase("truce"), Phrase("reached a deal"),
                      Phrase("struck an agreement"), Phrase("reached an agreement"), Phrase("struck a deal")]),
        (.hostage, [Phrase("دروع بشريه"), Phrase("دروعا بشريه"), Phrase("كدروع بشريه"), Phrase("رهائن", prefix: true), Phrase("رهينه"),
                    Phrase("تحرير اسري"), Phrase("تحرير"), Phrase("خطفهم"), Phrase("اختطاف", prefix: true), Phrase("اسري"),
                    Phrase("اسيرا"), Phrase("hostage", prefix: true), Phrase("human shields"), Phrase("abducted"), Phrase("kidnapped")]),
        (.escape, [Phrase("اطلاق سراح"), Phrase("فرار", prefix: true), Phrase("هروب", prefix: true), Phrase("تهريب", prefix: true), Phrase("هربت"),
                   Phrase("هرب"), Phrase("فر"), Phrase("فروا"), Phrase("تمكنوا من الفرار"), Phrase("escape", prefix: true),
                   Phrase("released"), Phrase("releasing"), Phrase("freeing"),
                   Phrase("fled"), Phrase("jailbreak"), Phrase("breakout"), Phrase("broke out")]),
        (.strike, [Phrase("غارات", prefix: true), Phrase("غاره"), Phrase("قصف", prefix: true), Phrase("ضربات"), Phrase("ضربه"),
                   Phrase("رشقات"), Phrase("airstrike", prefix: true), Phrase("air strike", prefix: true),
                   Phrase("strikes"), Phrase("shelled"), Phrase("shelling"), Phrase("drone strike", prefix: true),
                   Phrase("struck"), Phrase("bombed"), Phrase("اغار"), Phrase("اغارت"), Phrase("اغار الطيران", prefix: true), Phrase("bombarded"), Phrase("bombardment"),
                   // Artillery is a strike too (an RPG, "قذيفة صاروخية", arms an attack).
                   Phrase("قذائف هاون"), Phrase("قذيفه هاون"), Phrase("قذائف مدفعيه"), Phrase("قذيفه مدفعيه"), Phrase("قذيفه دبابه"),
                   // A preparatory bombardment: "بعد تمهيد من سلاح المدفعية وطيران الجيش".
                   Phrase("تمهيد مدفعي"), Phrase("تمهيد ناري"), Phrase("تمهيد جوي"), Phrase("تمهيد من سلاح المدفعيه"), Phrase("قذائف"), Phrase("سقطت قذيفه"), Phrase("سقوط قذيفه"),
                   Phrase("artillery"), Phrase("تدك"), Phrase("دكت"), Phrase("يدك"), Phrase("pounded"), Phrase("pounding"),
                   Phrase("mortar", prefix: true), Phrase("rocket fire")]),
        (.clash, [Phrase("اشتباك", prefix: true), Phrase("اشتبكت"), Phrase("تبادل لاطلاق النار"), Phrase("تبادل اطلاق النار"),
                  Phrase("تبادل متقطع لاطلاق النار"), Phrase("exchange of fire"), Phrase("exchanged fire"),
                  // Shelling both ways is fighting, not one side's strike.
                  Phrase("تبادل القصف"), Phrase("القصف المتبادل"), Phrase("قصف متبادل"), Phrase("تبادل قصف", prefix: true),
                  Phrase("exchanged shelling"), Phrase("exchange of shelling"), Phrase("exchanged artillery fire"),
                  Phrase("traded fire"), Phrase("artillery exchanges"), Phrase("معارك", prefix: true), Phrase("مواجهات", prefix: true), Phrase("المعارك"),
                  Phrase("clash", prefix: true), Phrase("fighting"), Phrase("battle", prefix: true)]),
        (.arrest, [Phrase("القبض علي"), Phrase("القاء القبض"), Phrase("اعتقال", prefix: true), Phrase("اعتقلت"), Phrase("مداهمه", prefix: true),
                   Phrase("مداهمات"), Phrase("داهمت"), Phrase("داهم"), Phrase("داهموا"), Phrase("توقيف", prefix: true),
                   Phrase("اوقفت"),
                   Phrase("دهم"), Phrase("حمله دهم"), Phrase("اعيد اعتقالهم"), Phrase("arrest", prefix: true),
                   Phrase("detained"), Phrase("raid", prefix: true), Phrase("rounded up"), Phrase("apprehended"),
                   Phrase("detaining"), Phrase("detains"), Phrase("taken into custody"),
                   // Surrendering to a force is being captured ("استسلموا إلى قوات سوريا الديمقراطية");
                   // not the noun ("الرافضون للاستسلام", refusing to surrender).
                   Phrase("استسلم", prefix: true), Phrase("surrendered"), Phrase("surrendering")]),
        (.controlChange, [Phrase("السيطره علي"), Phrase("سيطرتها علي"), Phrase("خرج عن سيطره"), Phrase("عن سيطره", prefix: true), Phrase("عن سيطرت", prefix: true),
                          Phrase("فقدان السيطره"), Phrase("استعاد السيطره"), Phrase("استعاده السيطره"),
                          Phrase("اصبح في يد"), Phrase("بسط سيطرته"), Phrase("سيطرت"), Phrase("سيطر"), Phrase("تسيطر"),
                          Phrase("يسيطر"), Phrase("سيطروا"), Phrase("بسطت"), Phrase("استعاد", prefix: true), Phrase("تسليم السجن"), Phrase("took control"),
                          Phrase("taken control"), Phrase("captured"), Phrase("capture of"), Phrase("takes control"),
                          // Breaking a siege: the ring around a place passes to the relieving side.
                          Phrase("كسر الحصار"), Phrase("كسر حصار"), Phrase("فك الحصار"), Phrase("فك حصار"),
                          Phrase("broke the siege"), Phrase("broken the siege"), Phrase("broke a siege"),
                          Phrase("seized"), Phrase("retook"), Phrase("retaken"), Phrase("recaptured"), Phrase("handed over"),
                          Phrase("lost control"), Phrase("took over"), Phrase("taken over"), Phrase("fell to"),
                          Phrase("regained control"), Phrase("liberated"), Phrase("طرد"), Phrase("طردت"), Phrase("تسلمت"),
                          Phrase("استلمت")] + withdrawals),
        (.attack, [Phrase("هاجم"), Phrase("هاجمت"), Phrase("هاجموا"), Phrase("يهاجم", prefix: true), Phrase("تهاجم", prefix: true),
                   Phrase("شن هجوما"), Phrase("شنت هجوما"), Phrase("attacked"), Phrase("هجوم", prefix: true), Phrase("هجمات", prefix: true), Phrase("هجوما", prefix: true), Phrase("اقتحام", prefix: true), Phrase("تفجير", prefix: true),
                   Phrase("مفخخه"), Phrase("استهداف"), Phrase("استهدف", prefix: true), Phrase("مهاجمه", prefix: true),
                   // "مقتل جنديين … بنيران قسد": killed by someone's fire.
                   Phrase("بنيران"), Phrase("العثور علي جثه", prefix: true), Phrase("found dead"), Phrase("found decapitated"),
                   Phrase("اغتيال", prefix: true), Phrase("اعدام", prefix: true),
                   Phrase("اطلاق النار"), Phrase("اطلاق نار"), Phrase("طلق ناري"), Phrase("رصاص", prefix: true),
                   Phrase("عبوه ناسفه"), Phrase("انفجار", prefix: true), Phrase("attack", prefix: true),
                   Phrase("shot dead"), Phrase("gunmen"), Phrase("assassinat", prefix: true), Phrase("executed"),
                   Phrase("explosion", prefix: true), Phrase("ambush", prefix: true), Phrase("targeted"), Phrase("hit"), Phrase("hits"),
                   Phrase("assault", prefix: true), Phrase("stormed"), Phrase("storming"), Phrase("bombing"),
                   Phrase("لغم", prefix: true), Phrase("الغام"), Phrase("opened fire"), Phrase("roadside bomb", prefix: true),
                   Phrase("ied"), Phrase("ieds"), Phrase("landmine", prefix: true), Phrase("land mine", prefix: true),
                   Phrase("car bomb", prefix: true), Phrase("suicide bomb", prefix: true), Phrase("عدوان", prefix: true),
                   Phrase("اعتداء", prefix: true), Phrase("عثرت علي جثه", prefix: true), Phrase("عثر علي جثه", prefix: true),
                   Phrase("عثروا علي جثه", prefix: true), Phrase("booby", prefix: true), Phrase("went off"),
                   Phrase("explosive-laden"), Phrase("blast", prefix: true),
                   // Suicide bombings: "فجروا أنفسهم", "blew himself up".
                   Phrase("فجر نفسه"), Phrase("فجروا انفسهم"), Phrase("فجرا نفسيهما"), Phrase("فجرت نفسها"), Phrase("فجر سترته"),
                   Phrase("فجر حزامه"), Phrase("blew himself up"), Phrase("blew themselves up"), Phrase("suicide bomber", prefix: true),
                   // An offensive launched: "launched a military operation against X in Y".
                   Phrase("launched a military operation"), Phrase("launched an offensive"), Phrase("began an offensive"),
                   Phrase("اطلقت عمليه عسكريه"), Phrase("اطلق عمليه عسكريه"), Phrase("شنت عمليه عسكريه"), Phrase("بدات عمليه عسكريه")]),
        (.deployment, [Phrase("دخول", prefix: true), Phrase("انتشار", prefix: true), Phrase("الانتشار"), Phrase("انتشرت"), Phrase("انتشر"), Phrase("انتشروا"), Phrase("تعزيز", prefix: true), Phrase("وصول وحدات"),
                       Phrase("طلائع"), Phrase("وصلت قوات"), Phrase("نشرت عددا"), Phrase("نشرت حواجز"), Phrase("نشر حواجز"),
                       Phrase("استقدمت"), Phrase("استقدم"), Phrase("طوقا امنيا"), Phrase("طوق امني"), Phrase("دخلوا"),
                       Phrase("وصلت تعزيزات"), Phrase("نشرت قناصين"), Phrase("نشرت قوات"), Phrase("نشر قوات"), Phrase("نشرت وحدات"),
                       Phrase("نشر وحدات"), Phrase("نشرت تعزيزات"), Phrase("دخلت"), Phrase("استقدام", prefix: true), Phrase("deploy", prefix: true),
                       Phrase("reinforcement", prefix: true), Phrase("entered"), Phrase("enters"), Phrase("enter"),
                       Phrase("fanned out"), Phrase("spread out across"), Phrase("were deployed"), Phrase("was deployed")]),
    ]

    /// Withdrawals: control changes only with the place left named after them ("انسحابات … من
    /// محافظتي الرقة ودير الزور"; see ``Extractor/Cue/isWithdrawal``).
    static let withdrawals = [
        Phrase("انسحاب", prefix: true), Phrase("انسحبت"), Phrase("انسحب"), Phrase("انسحبوا"), Phrase("withdrew"),
        Phrase("withdrawn"), Phrase("withdrawal", prefix: true), Phrase("pulled out"),
    ]
    static let withdrawalIDs = Set(withdrawals.map(\.id))

    /// "Kurdish fighters", "المقاتلون الأكراد": the SDF in Syria, the Peshmerga (no canonical
    /// actor) in Iraq; an incident placed in Iraq leaves them out.
    static let genericKurdish = [
        Phrase("الميليشيات الكرديه"), Phrase("القوات الكرديه"), Phrase("المقاتلون الاكراد"), Phrase("المقاتلين الاكراد"), Phrase("مقاتلون اكراد"),
        Phrase("مقاتلين اكراد"), Phrase("Kurdish fighters"), Phrase("Kurdish forces"), Phrase("Kurdish militia"),
        Phrase("Kurdish-led forces"), Phrase("Kurdish-led fighters"), Phrase("قوات يقودها الاكراد"), Phrase("القوات التي يقودها الاكراد"),
        Phrase("الوحدات الكرديه"), Phrase("وحدات كرديه"),
    ]
    static let genericKurdishIDs = Set(genericKurdish.map(\.id))

    /// Words that make a cue hypothetical, negated or a warning rather than an event report.
    static let blockers: Set<String> = [
        "عدم", "منع", "لمنع", "تحذر", "تحذير", "تحذيرات", "مغبه", "خطر", "بخطر", "تسهيل", "بتسهيل", "ستقوم", "سوف", "يهدف", "بهدف",
        "لتسهيل", "امكانيه", "احتمال", "محاوله", "اي", "اطار", "ستتم", "سيتم", "يتم", "ستقوم", "سيقوم", "تهدف", "رغم", "prevent", "warn", "warned", "warning", "would", "could", "may",
        "risk", "threat", "avoid", "دون", "بدون", "without",
        // "وقف إطلاق النار", "هدنة", "ceasefire": a halt to shooting, not shooting.
        "وقف", "هدنه", "cease", "ceasefire",
        // "إحباط محاولة للهروب", "حاولت … الفرار", "foiled an escape": what was tried, not done.
        "احباط", "افشال", "حاولت", "حاول", "حاولوا", "يحاولون", "حاولن", "يحاولن", "تحاول", "يحاول", "foiled", "thwarted", "attempted", "attempt", "tried",
        "افشلت", "احبطت", "افشل", "احبط",
        // "في طريقها لشن هجوم واسع على مدينة الرقة": launching is the purpose, not yet the event.
        "لشن", "لتنفيذ",
    ]

    /// Actor names. Longer phrases first so "قوات سوريا الديمقراطية" wins over shorter ones.
    static let actors: [(Actor, [Phrase])] = [
        (.sdf, [Phrase("قوات سوريا الديمقراطيه"), Phrase("قوات سوريه الديمقراطيه"), Phrase("قوات سوريا الديموقراطيه"),
                Phrase("قوات سوريه الديموقراطيه"), Phrase("قسد"), Phrase("SDF"),
                Phrase("Syrian Democratic Forces"), Phrase("وحدات حمايه الشعب"), Phrase("وحدات حمايه المراه"), Phrase("YPG"),
                Phrase("YPJ"), Phrase("وحدات حماه الشعب"),
                // As others named the Kurdish-led forces, and the party behind them.
                Phrase("قوات الحمايه الشعبيه"), Phrase("وحدات الحمايه الشعبيه"), Phrase("Kurdish-led forces"),
                Phrase("حزب الاتحاد الديمقراطي"), Phrase("PYD"), Phrase("مجلس دير الزور العسكري"),
                Phrase("Deir ez-Zor Military Council")] + genericKurdish),
        (.asayish, [Phrase("قوي الامن الداخلي"), Phrase("اسايش"), Phrase("الاسايش"), Phrase("Asayish")]),
        (.syrianGovernment, [Phrase("الجيش العربي السوري"), Phrase("الجيش السوري"), Phrase("الحكومه السوريه"),
                             Phrase("فصائل دمشق"), Phrase("فصائل مواليه للحكومه"), Phrase("فصائل تابعه للحكومه"),
                             Phrase("قوات الجيش"), Phrase("وحدات الجيش"), Phrase("القوات الحكوميه"), Phrase("الجيش"),
                             Phrase("الدوله السوريه"), Phrase("هيئه العمليات"), Phrase("وزاره الداخليه"),
                             Phrase("Syrian army"), Phrase("government forces"), Phrase("Syrian government"),
                             // As opposition media name them, and the militias fighting with them.
                             Phrase("قوات النظام"), Phrase("النظام السوري"), Phrase("جيش النظام"), Phrase("ميليشيات النظام"),
                             Phrase("الدفاع الوطني"), Phrase("وزاره الدفاع السوريه"), Phrase("قوات الجولاني"),
                             Phrase("regime forces"), Phrase("Syrian regime"), Phrase("Assad forces"), Phrase("pro-government"),
                             Phrase("National Defence Forces"), Phrase("National Defense Forces"), Phrase("Syrian Defense Ministry")]),
        (.isis, [Phrase("داعش"), Phrase("تنظيم الدوله"), Phrase("الدوله الاسلاميه"), Phrase("دواعش"), Phrase("داعشيا"),
                 Phrase("الداعشيين"), Phrase("داعشي", prefix: true), Phrase("ISIS"), Phrase("Islamic State"), Phrase("ISIL"),
                 Phrase("Daesh"), Phrase("خلايا التنظيم"), Phrase("الخلايا النائمه"), Phrase("sleeper cells")]),
        (.coalition, [Phrase("التحالف الدولي"), Phrase("التحالف"), Phrase("coalition")]),
        (.us, [Phrase("القوات الامريكيه"), Phrase("القوات الاميركيه"), Phrase("الاحتلال الاميركي"), Phrase("الاحتلال الامريكي"),
               Phrase("جيش الاحتلال الاميركي"), Phrase("US forces"), Phrase("American forces"), Phrase("U.S."),
               Phrase("الجيش الامريكي"), Phrase("الجيش الاميركي"), Phrase("US military"),
               Phrase("U.S. military"), Phrase("American troops"), Phrase("US troops"), Phrase("U.S. troops"),
               Phrase("CENTCOM"), Phrase("Central Command"), Phrase("القياده الوسطي الامريكيه"), Phrase("القياده الوسطي الاميركيه"),
               Phrase("القياده المركزيه الامريكيه"), Phrase("القياده المركزيه الاميركيه")]),
        (.pmf, [Phrase("الحشد الشعبي"), Phrase("PMF"), Phrase("Popular Mobilization")]),
        (.iraq, [Phrase("القوات العراقيه"), Phrase("الجيش العراقي"), Phrase("Iraqi forces"), Phrase("Iraqi army")]),
        (.turkey, [Phrase("القوات التركيه"), Phrase("الجيش التركي"), Phrase("الجيش الوطني السوري"), Phrase("الاحتلال التركي"),
                   Phrase("جيش الاحتلال التركي"), Phrase("مسيره تركيه"), Phrase("المسيره التركيه"), Phrase("المسيرات التركيه"),
                   Phrase("الطائرات التركيه"), Phrase("طائره تركيه"), Phrase("Turkish forces"), Phrase("Turkish army"),
                   Phrase("Turkey-backed"), Phrase("Turkish drone", prefix: true), Phrase("Turkish warplane", prefix: true),
                   Phrase("Turkish military"), Phrase("القصف التركي"), Phrase("الطيران التركي"), Phrase("غارات تركيه"),
                   Phrase("الغارات التركيه"), Phrase("Turkish strikes"), Phrase("Turkish airstrike", prefix: true),
                   Phrase("Turkish shelling"), Phrase("Turkish bombardment"), Phrase("الفصائل المواليه لتركيا"), Phrase("قذيفه تركيه"),
                   Phrase("قذائف تركيه"), Phrase("المدفعيه التركيه"), Phrase("قصف تركي"),
                   Phrase("المجموعات المسلحه المواليه لتركيا"), Phrase("Turkish-backed"), Phrase("Syrian National Army"),
                   // The Syrian National Army and Turkey's operations by name.
                   Phrase("الجيش الوطني"), Phrase("الجيشين الوطني السوري والتركي"), Phrase("نبع السلام"), Phrase("درع الفرات"),
                   Phrase("غصن الزيتون"), Phrase("Peace Spring"), Phrase("Euphrates Shield"), Phrase("Olive Branch")]),
        (.russia, [Phrase("القوات الروسيه"), Phrase("Russian forces"), Phrase("الطيران الروسي"), Phrase("الطائرات الروسيه"),
                   Phrase("غارات روسيه"), Phrase("Russian warplane", prefix: true), Phrase("Russian airstrike", prefix: true),
                   Phrase("Russian military")]),
        (.civilians, [Phrase("مدنيين"), Phrase("المدنيين"), Phrase("اطفال"), Phrase("طفل"), Phrase("فرقا اعلاميه"),
                      Phrase("فرق اعلاميه"), Phrase("civilians"), Phrase("children"), Phrase("مدنيان"), Phrase("مدنيا"),
                      // (Not bare "المدني": الدفاع المدني is the civil defence, الإدارة المدنية the administration.)
                      Phrase("مواطنه"), Phrase("مواطنين"), Phrase("civilian"),
                      Phrase("a woman"), Phrase("women")]),
    ]

    /// Who says so: attribution verbs and the sources they introduce.
    static let attributionVerbs: Set<String> = [
        "نقلت", "قالت", "قال", "اعلنت", "اعلن", "اكدت", "اكد", "افاد", "افادت", "ذكرت", "ذكر", "اشارت", "اشار", "اوضحت",
        "اوضح", "كشفت", "كشف", "بحسب", "حسب", "وفق", "وفقا", "تعلن", "تؤكد", "تتهم", "اتهم", "said", "says", "announced",
        "according", "reported", "claimed",
    ]

    static let outlets: [(String, [Phrase])] = [
        ("SANA", [Phrase("سانا"), Phrase("SANA")]),
        ("al-Watan", [Phrase("الوطن")]),
        ("al-Akhbar", [Phrase("الاخبار")]),
        ("local sources", [Phrase("مصادر محليه"), Phrase("local sources")]),
        ("field sources", [Phrase("مصادر ميدانيه")]),
        ("military sources", [Phrase("مصادر عسكريه"), Phrase("military sources")]),
        ("SOHR", [Phrase("المرصد السوري"), Phrase("Syrian Observatory")]),
    ]

    /// Words reporting a denial or a contrary claim.
    static let disputeWords: Set<String> = [
        "نفت", "نفي", "ينفي", "تنفي", "نفيها", "تزعم", "زعم", "مزاعم", "يزعم", "اتهم", "تتهم", "اتهمت", "غير دقيق", "كذب",
        "denied", "denies", "deny", "claimed", "alleged", "accused", "accuses",
    ]

    /// Words after a number that say what was counted, by what it means.
    static let killedWords: [String] = ["قتل", "مقتل", "مصرع", "قتلي", "قتيل", "سقوط", "kills", "killing", "killed", "dead", "deaths", "died"]

    /// Nouns for people whose dual is a count: with "ان" any of them ("مدنيان", "مقاتلان"); with
    /// "ين" only those whose plural is broken, since "مدنيين" and "مقاتلين" are also plurals.
    static let dualStems: Set<String> = ["مدني", "مقاتل", "مسلح", "عسكري", "جندي", "عنصر", "قتيل", "شاب", "طفل", "شخص", "رجل", "سجين", "شقيق"]
    static let brokenPluralStems: Set<String> = ["جندي", "عنصر", "قتيل", "شاب", "طفل", "شخص", "رجل", "سجين", "شقيق"]

    static func isDualOfPeople(_ form: String) -> Bool {
        if form.hasSuffix("ان") { return dualStems.contains(String(form.dropLast(2))) }
        if form.hasSuffix("ين") { return brokenPluralStems.contains(String(form.dropLast(2))) }
        return false
    }
    static let peopleNouns: [String] = Array(folded([
        "سجين", "سجناء", "عنصر", "عناصر", "داعشي", "معتقل", "محتجز", "شخص", "اشخاص", "طفل", "اطفال", "مقاتل", "مقاتلين",
        "اسير", "اسري", "رهين", "رهائن", "فار", "فارين", "متزعم", "قيادي", "جندي", "جنود", "prisoner", "detainee", "inmate",
        "people", "fighter", "member", "militant", "child", "children", "hostage", "suspect",
    ]))
}
