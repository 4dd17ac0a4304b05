public import Foundation
import IncidentGeodesy

/// The place index: every place, and its names folded for exact, sound-alike and fuzzy look-up.
///
/// Built from the files in `gazetteer/` (GeoNames extract, Natural Earth countries, curated
/// facilities and localities). A value type: share it freely between tasks.
public struct Gazetteer: Sendable {
    /// Every place; candidates refer to these.
    public let places: [Place]
    /// Folded key → indices of the places bearing that name.
    let exact: [String: [Int32]]
    /// Latin sound key → place indices (built on first use, see ``FuzzyIndex/Box``).
    var sound: [String: [Int32]] { fuzzy.soundIndex(nameKeys) }
    /// Trigram postings over the keys, built on the first fuzzy look-up: exact look-ups, the
    /// common case, do not pay for them.
    let fuzzy: FuzzyIndex.Box
    /// Place id → index.
    let indexByID: [String: Int]
    /// The keys of every name of every place, kept for the on-disk cache.
    let nameKeys: [[NameKey]]

    /// Builds the index from places (used by tests and by ``build(from:)``).
    public init(places: [Place]) {
        self.init(places: places, nameKeys: places.map(Self.nameKeys))
    }

    /// The exact and sound keys of one name.
    struct NameKey: Sendable, Hashable {
        /// Folded, article-free words joined by spaces; empty when the name folds to nothing.
        let key: String
        /// The Latin sound key, empty for Arabic names and short keys.
        let sound: String
    }

    /// The keys of each of a place's names, index for index.
    static func nameKeys(_ place: Place) -> [NameKey] {
        place.names.map { name in
            let words = PlaceName.words(name)
            let latin = !words.isEmpty && !words.contains(where: PlaceName.isArabic)
            let sound = latin ? PlaceName.soundKey(words: words) : ""
            return NameKey(key: words.joined(separator: " "), sound: sound.count >= 3 ? sound : "")
        }
    }

    /// Builds the index from places whose names are already folded (`nameKeys[i]` for `places[i]`).
    init(places: [Place], nameKeys: [[NameKey]]) {
        self.nameKeys = nameKeys
        var exact = [String: [Int32]](minimumCapacity: places.count * 4)
        for (index, keys) in nameKeys.enumerated() {
            for (n, nameKey) in keys.enumerated() where !nameKey.key.isEmpty {
                // Once per place, however many of its names fold alike. A place has a few
                // dozen names at most: a scan beats a set allocated per place.
                if keys[..<n].contains(where: { $0.key == nameKey.key }) { continue }
                exact[nameKey.key, default: []].append(Int32(index))
            }
        }
        var indexByID = [String: Int](minimumCapacity: places.count)
        for (index, place) in places.enumerated() where indexByID[place.id] == nil {
            indexByID[place.id] = index
        }
        self.places = places
        self.exact = exact
        self.fuzzy = FuzzyIndex.Box()
        self.indexByID = indexByID
    }

    /// The place with this id.
    public func place(id: String) -> Place? {
        indexByID[id].map { places[$0] }
    }

    /// Hashed character trigrams of a key padded with spaces.
    static func trigrams(of key: String) -> [Int] {
        let chars = Array(" " + key + " ")
        guard chars.count >= 3 else { return [] }
        return (0..<(chars.count - 2)).map { i in
            var h = Hasher()
            h.combine(chars[i])
            h.combine(chars[i + 1])
            h.combine(chars[i + 2])
            return h.finalize()
        }
    }
}

// MARK: - Loading

extension Gazetteer {
    /// Where the data folder is: `explicit`, then `$INCIDENTS_GAZETTEER`, then a `gazetteer/`
    /// folder in the working directory or above it, then beside the executable or above it.
    public static func locateData(explicit: String? = nil) throws(GazetteerError) -> URL {
        var searched = [String]()
        func check(_ url: URL) -> Bool {
            searched.append(url.path)
            return FileManager.default.fileExists(atPath: url.appendingPathComponent("geonames.tsv").path)
        }
        if let explicit {
            let url = URL(fileURLWithPath: explicit)
            if check(url) { return url }
            throw .dataNotFound(searched: searched)
        }
        if let env = ProcessInfo.processInfo.environment["INCIDENTS_GAZETTEER"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            if check(url) { return url }
        }
        let starts = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent(),
        ]
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                if check(dir.appendingPathComponent("gazetteer")) { return dir.appendingPathComponent("gazetteer") }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw .dataNotFound(searched: searched)
    }

    /// Loads every data file of the folder and merges GeoNames places that the curated files
    /// describe better (same name within their uncertainty, or 10 km) into the curated entry.
    public static func build(from directory: URL) throws(GazetteerError) -> Gazetteer {
        var places = try loadCountries(directory.appendingPathComponent("countries.tsv"))
        let geonames = try loadGeoNames(directory.appendingPathComponent("geonames.tsv"))
        var curated = [Place]()
        let curatedDir = directory.appendingPathComponent("curated")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: curatedDir.path)) ?? [])
            .filter { $0.hasSuffix(".tsv") }.sorted()
        for file in files {
            curated += try loadCurated(curatedDir.appendingPathComponent(file))
        }
        places += merge(curated: curated, into: geonames)
        let keys = places.map(nameKeys)
        let unlinked = Gazetteer(places: places, nameKeys: keys)
        return Gazetteer(places: unlinked.linkingParents(), nameKeys: keys)
    }

    static func readTSV(_ url: URL) throws(GazetteerError) -> [(line: Int, fields: [String: String])] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else {
            throw .malformedRow(path: url.path, line: 1, reason: "no header")
        }
        lines.removeFirst()
        var rows = [(line: Int, fields: [String: String])]()
        rows.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated() where !line.isEmpty {
            let values = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard values.count == header.count else {
                throw .malformedRow(path: url.path, line: offset + 2, reason: "expected \(header.count) fields, found \(values.count)")
            }
            var fields = [String: String](minimumCapacity: header.count)
            for (name, value) in zip(header, values) { fields[name] = String(value) }
            rows.append((offset + 2, fields))
        }
        return rows
    }

    static func coordinate(_ fields: [String: String], _ url: URL, _ line: Int) throws(GazetteerError) -> GeoCoordinate {
        guard let lat = Double(fields["lat"] ?? ""), let lon = Double(fields["lon"] ?? "") else {
            throw .malformedRow(path: url.path, line: line, reason: "lat/lon are not numbers")
        }
        do {
            return try GeoCoordinate(latitude: lat, longitude: lon)
        } catch {
            throw .malformedRow(path: url.path, line: line, reason: "\(error)")
        }
    }

    static func splitNames(_ text: String?) -> [String] {
        (text ?? "").split(separator: "|").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    static func loadCountries(_ url: URL) throws(GazetteerError) -> [Place] {
        var places = [Place]()
        for (line, f) in try readTSV(url) {
            let names = splitNames(f["names"])
            let iso = f["iso_a2"] ?? ""
            places.append(
                Place(
                    id: "ne:\(iso)", name: f["name"] ?? iso,
                    arabicName: names.first(where: PlaceName.isArabic),
                    names: [f["name"] ?? iso] + names, kind: .country,
                    coordinate: try coordinate(f, url, line), country: iso, parentID: nil,
                    population: 0, uncertaintyKilometers: 300, source: "naturalearth"))
        }
        return places
    }

    static func loadGeoNames(_ url: URL) throws(GazetteerError) -> [Place] {
        var places = [Place]()
        for (line, f) in try readTSV(url) {
            let id = f["geonameid"] ?? ""
            let population = Int(f["population"] ?? "") ?? 0
            let names = [f["name"] ?? id] + splitNames(f["alternate_names"])
            let kind: PlaceKind = population >= 100_000 ? .city : population > 0 && population < 2_000 ? .village : .town
            places.append(
                Place(
                    id: "geonames:\(id)", name: f["name"] ?? id,
                    arabicName: names.first(where: PlaceName.isArabic), names: names, kind: kind,
                    coordinate: try coordinate(f, url, line), country: f["country"] ?? "",
                    parentID: nil, population: population, uncertaintyKilometers: population >= 100_000 ? 3 : 1.5,
                    source: "geonames:\(id)"))
        }
        return places
    }

    static func loadCurated(_ url: URL) throws(GazetteerError) -> [Place] {
        var places = [Place]()
        for (line, f) in try readTSV(url) {
            guard let kindText = f["kind"], let kind = PlaceKind(rawValue: kindText) else {
                throw .malformedRow(path: url.path, line: line, reason: "unknown kind \"\(f["kind"] ?? "")\"")
            }
            guard let id = f["id"], !id.isEmpty, let name = f["name"], !name.isEmpty else {
                throw .malformedRow(path: url.path, line: line, reason: "missing id or name")
            }
            let arabic = splitNames(f["arabic_names"])
            places.append(
                Place(
                    id: "curated:\(id)", name: name, arabicName: arabic.first,
                    names: [name] + splitNames(f["latin_variants"]) + arabic, kind: kind,
                    coordinate: try coordinate(f, url, line), country: f["country"] ?? "SY",
                    parentID: f["parent"].flatMap { $0.isEmpty ? nil : "name:" + $0 },
                    population: 0, uncertaintyKilometers: Double(f["uncertainty_km"] ?? "") ?? 5,
                    source: f["source"] ?? ""))
        }
        return places
    }

    /// Curated settlements absorb the GeoNames entry for the same place (shared name, close by),
    /// so one place is not offered twice; the curated coordinates and kind stay, GeoNames'
    /// names and population are added.
    static func merge(curated: [Place], into geonames: [Place]) -> [Place] {
        // Only the keys of curated settlements matter: index GeoNames by those alone.
        var wanted = Set<String>()
        for place in curated where place.kind.isSettlement || place.kind == .governorate {
            for name in place.names { wanted.insert(PlaceName.key(name)) }
        }
        var geoKeys = [String: [Int32]]()
        for (i, place) in geonames.enumerated() {
            for name in place.names {
                let key = PlaceName.key(name)
                if wanted.contains(key) { geoKeys[key, default: []].append(Int32(i)) }
            }
        }
        // A name another curated place bears as its own (its name or Arabic name) is not an alias
        // GeoNames can lend: its "Al Qā’im" entry lists "Husaybah", and the Husaybah it is merged
        // into must not take "القائم" from the town of al-Qaim.
        var ownKeys = [String: String]()
        for place in curated where place.kind.isSettlement || place.kind == .governorate {
            for name in [place.name] + (place.arabicName.map { [$0] } ?? []) { ownKeys[PlaceName.key(name)] = place.id }
        }
        var absorbed = Set<Int>()
        var merged = [Place]()
        for place in curated {
            guard place.kind.isSettlement || place.kind == .governorate else {
                merged.append(place)
                continue
            }
            var names = place.names
            var population = place.population
            let keys = Set(place.names.map(PlaceName.key))
            for key in keys {
                for i in geoKeys[key] ?? [] where !absorbed.contains(Int(i)) {
                    let other = geonames[Int(i)]
                    let d = Geodesic.distanceMeters(from: place.coordinate, to: other.coordinate)
                    if d <= max(10_000, place.uncertaintyKilometers * 1000) {
                        absorbed.insert(Int(i))
                        names += other.names.filter { name in
                            !names.contains(name) && (ownKeys[PlaceName.key(name)].map { $0 == place.id } ?? true)
                        }
                        population = max(population, other.population)
                    }
                }
            }
            merged.append(
                Place(
                    id: place.id, name: place.name, arabicName: place.arabicName, names: names, kind: place.kind,
                    coordinate: place.coordinate, country: place.country, parentID: place.parentID,
                    population: population, uncertaintyKilometers: place.uncertaintyKilometers, source: place.source))
        }
        return merged + geonames.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element)
    }

    /// The places with `name:` parent references replaced by the id of the nearest place of
    /// that name.
    func linkingParents() -> [Place] {
        places.map { place in
            guard let parent = place.parentID, parent.hasPrefix("name:") else { return place }
            var copy = place
            let key = PlaceName.key(String(parent.dropFirst(5)))
            let best = (exact[key] ?? []).map { places[Int($0)] }
                .filter { $0.id != place.id }
                .min {
                    Geodesic.distanceMeters(from: place.coordinate, to: $0.coordinate)
                        < Geodesic.distanceMeters(from: place.coordinate, to: $1.coordinate)
                }
            copy.parentID = best?.id
            return copy
        }
    }
}
