public import Foundation
import IncidentGeodesy

// The built index is cached on disk so that a cold `incidents resolve` does not fold every
// name of every place again. The cache is keyed by the data files' names, sizes and
// modification times and by a format version; any change rebuilds it. A cache that cannot be
// read or written is ignored: it only saves time.

extension Gazetteer {
    /// Loads the gazetteer in `directory`, from the cache when it is current, building and
    /// caching it otherwise. `cacheDirectory` nil uses ``defaultCacheDirectory()``.
    public static func load(from directory: URL, cacheDirectory: URL? = nil) throws(GazetteerError) -> Gazetteer {
        let fingerprint = try Self.fingerprint(of: directory)
        let cacheFile = (cacheDirectory ?? defaultCacheDirectory()).map {
            $0.appendingPathComponent("gazetteer-\(stableHash(directory.standardizedFileURL.path)).bin")
        }
        if let cacheFile, let data = try? Data(contentsOf: cacheFile),
            let cached = try? decodeCache(data, fingerprint: fingerprint)
        {
            return cached
        }
        let built = try build(from: directory)
        if let cacheFile {
            let data = built.encodeCache(fingerprint: fingerprint)
            try? FileManager.default.createDirectory(
                at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Write then rename, so a concurrent reader never sees half a file.
            let temporary = cacheFile.appendingPathExtension("\(ProcessInfo.processInfo.processIdentifier).tmp")
            if (try? data.write(to: temporary)) != nil {
                _ = try? FileManager.default.removeItem(at: cacheFile)
                if (try? FileManager.default.moveItem(at: temporary, to: cacheFile)) == nil {
                    try? FileManager.default.removeItem(at: temporary)
                }
            }
        }
        return built
    }

    /// `$INCIDENTS_CACHE_DIR`, else `$XDG_CACHE_HOME/incidentmap`, else `~/.cache/incidentmap`.
    public static func defaultCacheDirectory() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["INCIDENTS_CACHE_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("incidentmap")
        }
        if let home = env["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".cache/incidentmap")
        }
        return nil
    }

    /// Bumped whenever loading or merging changes what the cache holds.
    static let cacheFormat = "incidentmap-gazetteer-6"

    /// Names, sizes and modification times of every data file, and the cache format.
    static func fingerprint(of directory: URL) throws(GazetteerError) -> String {
        let fm = FileManager.default
        var files = ["countries.tsv", "geonames.tsv"]
        let curated = ((try? fm.contentsOfDirectory(atPath: directory.appendingPathComponent("curated").path)) ?? [])
            .filter { $0.hasSuffix(".tsv") }.sorted().map { "curated/" + $0 }
        files += curated
        var parts = [cacheFormat]
        for file in files {
            let path = directory.appendingPathComponent(file).path
            guard let attributes = try? fm.attributesOfItem(atPath: path) else {
                throw .unreadable(path: path, reason: "missing")
            }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(file):\(size):\(modified)")
        }
        return parts.joined(separator: "|")
    }

    func encodeCache(fingerprint: String) -> Data {
        var w = ByteWriter()
        w.string(fingerprint)
        w.int(places.count)
        for (place, keys) in zip(places, nameKeys) {
            w.string(place.id)
            w.string(place.name)
            w.string(place.arabicName ?? "")
            w.string(place.kind.rawValue)
            w.double(place.coordinate.latitude)
            w.double(place.coordinate.longitude)
            w.string(place.country)
            w.string(place.parentID ?? "")
            w.int(place.population)
            w.double(place.uncertaintyKilometers)
            w.string(place.source)
            w.int(place.names.count)
            for (name, key) in zip(place.names, keys) {
                w.string(name)
                w.string(key.key)
                w.string(key.sound)
            }
        }
        return Data(w.bytes)
    }

    static func decodeCache(_ data: Data, fingerprint: String) throws -> Gazetteer {
        var r = ByteReader(bytes: [UInt8](data))
        guard try r.string() == fingerprint else { throw ByteReader.Failure.stale }
        let count = try r.int()
        var places = [Place]()
        var keys = [[NameKey]]()
        places.reserveCapacity(count)
        keys.reserveCapacity(count)
        for _ in 0..<count {
            let id = try r.string()
            let name = try r.string()
            let arabic = try r.string()
            guard let kind = PlaceKind(rawValue: try r.string()) else { throw ByteReader.Failure.corrupt }
            let coordinate = try GeoCoordinate(latitude: try r.double(), longitude: try r.double())
            let country = try r.string()
            let parent = try r.string()
            let population = try r.int()
            let uncertainty = try r.double()
            let source = try r.string()
            let nameCount = try r.int()
            var names = [String]()
            var placeKeys = [NameKey]()
            names.reserveCapacity(nameCount)
            placeKeys.reserveCapacity(nameCount)
            for _ in 0..<nameCount {
                names.append(try r.string())
                placeKeys.append(NameKey(key: try r.string(), sound: try r.string()))
            }
            places.append(
                Place(
                    id: id, name: name, arabicName: arabic.isEmpty ? nil : arabic, names: names, kind: kind,
                    coordinate: coordinate, country: country, parentID: parent.isEmpty ? nil : parent,
                    population: population, uncertaintyKilometers: uncertainty, source: source))
            keys.append(placeKeys)
        }
        return Gazetteer(places: places, nameKeys: keys)
    }
}

/// FNV-1a, stable across runs (Swift's `Hasher` is seeded per process).
func stableHash(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
    }
    return String(hash, radix: 16)
}

struct ByteWriter {
    var bytes = [UInt8]()

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }
}

struct ByteReader {
    enum Failure: Error { case stale, corrupt }
    let bytes: [UInt8]
    var offset = 0

    mutating func int() throws -> Int {
        guard offset + 8 <= bytes.count else { throw Failure.corrupt }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Int(Int64(bitPattern: value))
    }

    mutating func double() throws -> Double {
        Double(bitPattern: UInt64(bitPattern: Int64(try int())))
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, offset + count <= bytes.count else { throw Failure.corrupt }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }
}
