public import Extraction
public import Gazetteer

/// Who held which place when: periods per place, each ending where the next begins unless its
/// source gave an end. Sources that disagree on a day are kept and reported as contested, not
/// silently resolved.
public struct ControlTimeline: Sendable {
    /// Every period, per place id, by start day.
    public let periods: [String: [ControlPeriod]]

    /// A timeline from periods of any origin.
    public init(_ all: [ControlPeriod]) {
        var byPlace = [String: [ControlPeriod]]()
        for p in all { byPlace[p.place.id, default: []].append(p) }
        for (id, list) in byPlace {
            byPlace[id] = list.sorted { ($0.validFrom, $0.origin, $0.controller.rawValue) < ($1.validFrom, $1.origin, $1.controller.rawValue) }
        }
        periods = byPlace
    }

    /// The last day a period holds: its own end, or the day before a later period of the place
    /// with another controller starts.
    public func effectiveEnd(of period: ControlPeriod) -> Day? {
        let later = (periods[period.place.id] ?? []).first { $0.validFrom > period.validFrom && $0.controller != period.controller }
        let bound = later.map { $0.validFrom.adding(days: -1) }
        switch (period.validTo, bound) {
        case (let a?, let b?): return min(a, b)
        case (let a?, nil): return a
        case (nil, let b): return b
        }
    }

    /// Who held the place on `day`: one controller, `contested` when sources disagree or a
    /// period says so, or nil when nothing is known.
    public func controller(of placeID: String, on day: Day) -> (controller: Controller, periods: [ControlPeriod])? {
        let active = (periods[placeID] ?? []).filter { p in
            p.validFrom <= day && (effectiveEnd(of: p).map { day <= $0 } ?? true)
        }
        guard !active.isEmpty else { return nil }
        // The most recent start wins; several controllers starting then means a conflict.
        let latest = active.map(\.validFrom).max()!
        let current = active.filter { $0.validFrom == latest }
        let controllers = Set(current.map(\.controller))
        if controllers.count > 1 || current.contains(where: { $0.certainty == .contested }) {
            return (.contested, current)
        }
        return (current[0].controller, current)
    }

    /// Every place with a known controller on `day`.
    public func snapshot(on day: Day) -> [(place: Place, controller: Controller)] {
        periods.keys.sorted().compactMap { id in
            guard let c = controller(of: id, on: day), let place = periods[id]?.first?.place else { return nil }
            return (place, c.controller)
        }
    }

    /// Every period, flattened, by place then start.
    public var all: [ControlPeriod] {
        periods.keys.sorted().flatMap { periods[$0] ?? [] }
    }
}
