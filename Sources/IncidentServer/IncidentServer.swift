import Extraction
public import Foundation
public import Gazetteer
public import Hummingbird
public import IncidentControl
import IncidentExport
import IncidentGeodesy
public import IncidentGeometry
public import IncidentStore

/// An HTTP error that knows its status: answered as a JSON body naming the problem.
public struct APIError: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let message: String
    /// The query parameter at fault, when there is one.
    public let parameter: String?

    /// An error with its status.
    public init(_ status: HTTPResponse.Status, _ message: String, parameter: String? = nil) {
        self.status = status
        self.message = message
        self.parameter = parameter
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var body = #"{"code":"\#(status.code)","description":"# + jsonString(message)
        if let parameter { body += #","parameter":"# + jsonString(parameter) }
        body += "}"
        return Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

func jsonString(_ s: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    let data = (try? encoder.encode(s)) ?? Data("\"\"".utf8)
    return String(decoding: data, as: UTF8.self)
}

/// What the server serves.
public struct ServerData: Sendable {
    public let store: IncidentStore
    public let gazetteer: Gazetteer
    public let control: ControlTimeline?
    public let border: Geometry?
    public let outlines: [(iso: String, geometry: Geometry)]
    /// The bearer token that allows writes (POST /articles); nil keeps the server read-only.
    public let token: String?

    /// The store, gazetteer and control data behind the API.
    public init(
        store: IncidentStore, gazetteer: Gazetteer, control: ControlTimeline?, border: Geometry?,
        outlines: [(iso: String, geometry: Geometry)], token: String? = nil
    ) {
        self.store = store
        self.gazetteer = gazetteer
        self.control = control
        self.border = border
        self.outlines = outlines
        self.token = token
    }
}

/// The OGC API - Features server: landing page, conformance, collections, items with bbox,
/// datetime and paging, single features, an OpenAPI document; `/near` and `/resolve`; the
/// animated map at `/` for browsers.
public enum IncidentServer {
    /// Largest page a client may ask for.
    public static let maximumLimit = 10_000
    /// Largest article a client may post.
    public static let maximumArticleBytes = 5 * 1_048_576
    static let collections = ["incidents", "places", "control"]

    /// The router with every route.
    public static func router(data: ServerData) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { request, context -> Response in
            let base = baseURL(request)
            if request.headers[.accept]?.contains("text/html") == true {
                return try html(mapPage(data: data))
            }
            return json(
                """
                {"title":"IncidentMap","description":"Incidents in north-east Syria extracted from news, with places and control over time.",\
                "links":[\(link(base + "/", "self", "application/json", "this document")),\
                \(link(base + "/openapi", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "the API definition")),\
                \(link(base + "/conformance", "conformance", "application/json", "OGC API conformance classes")),\
                \(link(base + "/collections", "data", "application/json", "the collections"))]}
                """)
        }
        router.get("/conformance") { _, _ -> Response in
            json(
                #"{"conformsTo":["http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core","http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson","http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"]}"#
            )
        }
        router.get("/openapi") { request, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/vnd.oai.openapi+json;version=3.0"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPI.document(base: baseURL(request)))))
        }
        router.get("/collections") { request, _ -> Response in
            try checkParameters(request, allowed: ["f"])
            let base = baseURL(request)
            let items = try collections.map { try collectionJSON($0, data: data, base: base) }
            return json(#"{"links":["# + link(base + "/collections", "self", "application/json", "collections") + #"],"collections":["# + items.joined(separator: ",") + "]}")
        }
        router.get("/collections/:collection") { request, context -> Response in
            try checkParameters(request, allowed: ["f"])
            let id = try context.parameters.require("collection")
            guard collections.contains(id) else { throw APIError(.notFound, "no collection \"\(id)\"") }
            return json(try collectionJSON(id, data: data, base: baseURL(request)))
        }
        router.get("/collections/:collection/items") { request, context -> Response in
            let id = try context.parameters.require("collection")
            guard collections.contains(id) else { throw APIError(.notFound, "no collection \"\(id)\"") }
            return try items(id, request: request, data: data)
        }
        router.get("/collections/:collection/items/:feature") { request, context -> Response in
            let id = try context.parameters.require("collection")
            let feature = try context.parameters.require("feature")
            guard collections.contains(id) else { throw APIError(.notFound, "no collection \"\(id)\"") }
            switch id {
            case "incidents":
                do {
                    return geojson(IncidentExport.Exporter.incidentFeatureJSON(try data.store.incident(id: feature)))
                } catch StoreError.notFound {
                    throw APIError(.notFound, "no incident \"\(feature)\"")
                }
            case "places":
                guard let p = try data.store.usedPlaces().first(where: { $0.id == feature }) else {
                    throw APIError(.notFound, "no place \"\(feature)\"")
                }
                return geojson(placeFeature(p))
            default:
                let features = controlFeatures(data)
                guard let f = features.first(where: { $0.id == feature }) else { throw APIError(.notFound, "no control period \"\(feature)\"") }
                return geojson(f.text)
            }
        }
        router.get("/near") { request, _ -> Response in
            try checkParameters(request, allowed: ["place", "within", "from", "to", "type", "limit"])
            let q = request.uri.queryParameters
            guard let place = q["place"].map(String.init), !place.isEmpty else {
                throw APIError(.badRequest, "give place=NAME or place=LAT,LON", parameter: "place")
            }
            let center: GeoCoordinate
            if GeoCoordinate.looksLikeCoordinate(place) {
                do { center = try GeoCoordinate(parsing: place) } catch { throw APIError(.badRequest, "\(error)", parameter: "place") }
            } else {
                do { center = try data.gazetteer.resolveBest(place).place.coordinate } catch {
                    throw APIError(.notFound, "\(error)", parameter: "place")
                }
            }
            var meters = 10_000.0
            if let within = q["within"] {
                do { meters = try DistanceText.meters(String(within)) } catch { throw APIError(.badRequest, "\(error)", parameter: "within") }
            }
            guard meters <= 500_000 else { throw APIError(.badRequest, "within is at most 500km", parameter: "within") }
            var filter = IncidentFilter(limit: try limit(q["limit"], default: 100))
            filter.from = try day(q["from"], "from")
            filter.to = try day(q["to"], "to")
            if let from = filter.from, let to = filter.to, from > to { throw APIError(.badRequest, "from is after to", parameter: "from") }
            if let types = q["type"] {
                for t in types.split(separator: ",") {
                    guard let type = IncidentType(rawValue: String(t)) else { throw APIError(.badRequest, "unknown type \"\(t)\"", parameter: "type") }
                    filter.types.insert(type)
                }
            }
            let found = try data.store.near(center, radiusMeters: meters, filter: filter)
            let features = found.map { n -> String in
                var f = IncidentExport.Exporter.incidentFeatureJSON(n.incident)
                f.removeLast()
                return f + #","distance_m":"# + String(Int(n.distanceMeters.rounded())) + "}"
            }
            return geojson(#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}")
        }
        // Writes: POST an article (text, Markdown or HTML) to extract and store it; only with the
        // server's token, as `Authorization: Bearer TOKEN`.
        router.post("/articles") { request, _ -> Response in
            guard let token = data.token else {
                throw APIError(.forbidden, "this server is read-only: start it with --token to accept articles")
            }
            guard request.headers[.authorization] == "Bearer \(token)" else {
                throw APIError(.unauthorized, "a valid Authorization: Bearer token is needed to post articles")
            }
            try checkParameters(request, allowed: ["id", "published"])
            let q = request.uri.queryParameters
            guard let id = q["id"].map(String.init), !id.isEmpty, id.count <= 200 else {
                throw APIError(.badRequest, "give id=DOCUMENT-ID (at most 200 characters)", parameter: "id")
            }
            let published = try day(q["published"], "published")
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: maximumArticleBytes)
            } catch {
                throw APIError(.contentTooLarge, "an article is at most \(maximumArticleBytes / 1_048_576) MB")
            }
            guard let text = String(validating: buffer.readableBytesView, as: UTF8.self), text.contains(where: \.isLetter) else {
                throw APIError(.badRequest, "the body must be UTF-8 article text")
            }
            let article = Article(id: id, source: "POST /articles", text: text, published: published)
            let outcome = try data.store.ingest(Extractor(gazetteer: data.gazetteer).extract(article))
            return Response(
                status: outcome.status == .unchanged ? .ok : .created, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"document":\#(jsonString(id)),"status":"\#(outcome.status.rawValue)","incidents":\#(outcome.incidents)}"#)))
        }
        router.get("/resolve") { request, _ -> Response in
            try checkParameters(request, allowed: ["name", "kind", "limit"])
            let q = request.uri.queryParameters
            guard let name = q["name"].map(String.init), !name.isEmpty else { throw APIError(.badRequest, "give name=…", parameter: "name") }
            var hints = ResolveHints()
            if let kind = q["kind"] {
                guard let k = PlaceKind(userText: String(kind)) else { throw APIError(.badRequest, "unknown kind \"\(kind)\"", parameter: "kind") }
                hints.kind = k
            }
            let candidates = data.gazetteer.resolve(name, hints: hints, limit: min(try limit(q["limit"], default: 5), 50))
            let items = candidates.map { c in
                #"{"id":\#(jsonString(c.place.id)),"name":\#(jsonString(c.place.name)),"kind":"\#(c.place.kind.rawValue)","lat":\#(c.place.coordinate.latitude),"lon":\#(c.place.coordinate.longitude),"score":\#((c.score * 1000).rounded() / 1000),"country":"\#(c.place.country)"}"#
            }
            return json("[" + items.joined(separator: ",") + "]")
        }
        return router
    }

    /// The application listening on `host:port`.
    public static func application(data: ServerData, host: String, port: Int) -> some ApplicationProtocol {
        Application(router: router(data: data), configuration: .init(address: .hostname(host, port: port), serverName: "IncidentMap"))
    }

    // MARK: - Items

    static func items(_ id: String, request: Request, data: ServerData) throws -> Response {
        try checkParameters(request, allowed: ["bbox", "datetime", "limit", "offset", "f"])
        let q = request.uri.queryParameters
        let limit = try limit(q["limit"], default: 100)
        var offset = 0
        if let o = q["offset"] {
            guard let v = Int(o), v >= 0 else { throw APIError(.badRequest, "offset must be a whole number, zero or more", parameter: "offset") }
            offset = v
        }
        let bbox = try parseBBox(q["bbox"])
        let (from, to) = try parseDatetime(q["datetime"])
        var features = [String]()
        var matched = 0
        switch id {
        case "incidents":
            let page = try data.store.page(bbox: bbox, filter: IncidentFilter(from: from, to: to, limit: limit), offset: offset)
            matched = page.matched
            features = page.incidents.map(IncidentExport.Exporter.incidentFeatureJSON)
        case "places":
            let all = try data.store.usedPlaces().filter { p in
                bbox.map { p.coordinate.longitude >= $0.west && p.coordinate.longitude <= $0.east && p.coordinate.latitude >= $0.south && p.coordinate.latitude <= $0.north } ?? true
            }
            matched = all.count
            features = all.dropFirst(offset).prefix(limit).map(placeFeature)
        default:
            let all = controlFeatures(data).filter { f in
                guard bbox.map({ f.lon >= $0.west && f.lon <= $0.east && f.lat >= $0.south && f.lat <= $0.north }) ?? true else { return false }
                if let from, let end = f.end, end < from { return false }
                if let to, f.start > to { return false }
                return true
            }
            matched = all.count
            features = all.dropFirst(offset).prefix(limit).map(\.text)
        }
        let base = baseURL(request) + "/collections/\(id)/items"
        var query = [String]()
        if let b = q["bbox"] { query.append("bbox=\(b)") }
        if let d = q["datetime"] { query.append("datetime=\(d)") }
        query.append("limit=\(limit)")
        var links = [link(base + "?" + (query + ["offset=\(offset)"]).joined(separator: "&"), "self", "application/geo+json", "this page")]
        if offset + features.count < matched {
            links.append(link(base + "?" + (query + ["offset=\(offset + limit)"]).joined(separator: "&"), "next", "application/geo+json", "next page"))
        }
        if offset > 0 {
            links.append(link(base + "?" + (query + ["offset=\(max(0, offset - limit))"]).joined(separator: "&"), "prev", "application/geo+json", "previous page"))
        }
        let stamp = ISO8601DateFormatter().string(from: Date())
        return geojson(
            #"{"type":"FeatureCollection","numberMatched":\#(matched),"numberReturned":\#(features.count),"timeStamp":"\#(stamp)","links":[\#(links.joined(separator: ","))],"features":["#
                + features.joined(separator: ",") + "]}")
    }

    struct ControlFeature {
        let id: String
        let text: String
        let lon: Double
        let lat: Double
        let start: Day
        let end: Day?
    }

    static func controlFeatures(_ data: ServerData) -> [ControlFeature] {
        guard let control = data.control else { return [] }
        return control.all.enumerated().map { k, p in
            let end = control.effectiveEnd(of: p)
            let id = "c\(k)"
            let props = #"{"place":\#(jsonString(p.place.name)),"place_id":\#(jsonString(p.place.id)),"controller":"\#(p.controller.rawValue)","valid_from":"\#(p.validFrom)","valid_to":\#(end.map { "\"\($0)\"" } ?? "null"),"certainty":"\#(p.certainty.rawValue)","origin":"\#(p.origin)","evidence":\#(jsonString(p.evidence))}"#
            let text = #"{"type":"Feature","id":"\#(id)","geometry":{"type":"Point","coordinates":[\#(formatCoordinate(p.place.coordinate.longitude, decimals: 6)),\#(formatCoordinate(p.place.coordinate.latitude, decimals: 6))]},"properties":\#(props)}"#
            return ControlFeature(id: id, text: text, lon: p.place.coordinate.longitude, lat: p.place.coordinate.latitude, start: p.validFrom, end: end)
        }
    }

    static func placeFeature(_ p: UsedPlace) -> String {
        #"{"type":"Feature","id":\#(jsonString(p.id)),"geometry":{"type":"Point","coordinates":[\#(formatCoordinate(p.coordinate.longitude, decimals: 6)),\#(formatCoordinate(p.coordinate.latitude, decimals: 6))]},"properties":{"name":\#(jsonString(p.name)),"name_ar":\#(p.arabicName.map(jsonString) ?? "null"),"kind":"\#(p.kind.rawValue)","incident_count":\#(p.incidentCount)}}"#
    }

    static func collectionJSON(_ id: String, data: ServerData, base: String) throws -> String {
        let titles = ["incidents": "Incidents extracted from news", "places": "Places incidents use", "control": "Who controlled which place when"]
        var spatial = "[35.7,32.3,42.4,37.4]"
        var temporal = "[null,null]"
        if id == "incidents", let extent = try data.store.timeExtent() {
            temporal = #"["\#(extent.first)T00:00:00Z","\#(extent.last)T23:59:59Z"]"#
        }
        if id == "incidents" || id == "places" {
            let places = try data.store.usedPlaces()
            if !places.isEmpty {
                let lons = places.map(\.coordinate.longitude), lats = places.map(\.coordinate.latitude)
                spatial = "[\(lons.min()!),\(lats.min()!),\(lons.max()!),\(lats.max()!)]"
            }
        }
        let items = base + "/collections/\(id)/items"
        return #"{"id":"\#(id)","title":"\#(titles[id] ?? id)","itemType":"feature","crs":["http://www.opengis.net/def/crs/OGC/1.3/CRS84"],"extent":{"spatial":{"bbox":[\#(spatial)],"crs":"http://www.opengis.net/def/crs/OGC/1.3/CRS84"},"temporal":{"interval":[\#(temporal)]}},"links":[\#(link(base + "/collections/\(id)", "self", "application/json", "this collection")),\#(link(items, "items", "application/geo+json", "the features"))]}"#
    }

    // MARK: - Parameters

    static func checkParameters(_ request: Request, allowed: Set<String>) throws {
        for (key, _) in request.uri.queryParameters where !allowed.contains(String(key)) {
            throw APIError(.badRequest, "unknown query parameter \"\(String(key).prefix(64))\"", parameter: String(key.prefix(64)))
        }
    }

    static func limit(_ text: Substring?, default value: Int) throws -> Int {
        guard let text else { return value }
        guard let n = Int(text), n >= 1 else { throw APIError(.badRequest, "limit must be a whole number from 1 to \(maximumLimit)", parameter: "limit") }
        guard n <= maximumLimit else { throw APIError(.badRequest, "limit is at most \(maximumLimit)", parameter: "limit") }
        return n
    }

    static func day(_ text: Substring?, _ name: String) throws -> Day? {
        guard let text else { return nil }
        guard let d = Day(iso: String(text.prefix(10))) else { throw APIError(.badRequest, "\(name) is not a YYYY-MM-DD date", parameter: name) }
        return d
    }

    static func parseBBox(_ text: Substring?) throws -> (west: Double, south: Double, east: Double, north: Double)? {
        guard let text else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
        guard parts.count == 4 || parts.count == 6, parts.allSatisfy({ $0?.isFinite == true }) else {
            throw APIError(.badRequest, "bbox must be four numbers: west,south,east,north", parameter: "bbox")
        }
        let v = parts.map { $0! }
        let (w, s, e, n) = parts.count == 4 ? (v[0], v[1], v[2], v[3]) : (v[0], v[1], v[3], v[4])
        guard (-180...180).contains(w), (-180...180).contains(e), (-90...90).contains(s), (-90...90).contains(n), s <= n else {
            throw APIError(.badRequest, "bbox is outside longitude -180…180, latitude -90…90, or south is above north", parameter: "bbox")
        }
        return (w, s, e, n)
    }

    /// An instant (`2022-01-20`, `2022-01-20T10:00:00Z`) or an interval with open ends (`..`).
    static func parseDatetime(_ text: Substring?) throws -> (Day?, Day?) {
        guard let text else { return (nil, nil) }
        func one(_ s: Substring) throws -> Day? {
            if s == ".." || s.isEmpty { return nil }
            guard let d = Day(iso: String(s.prefix(10))), s.count == 10 || s.dropFirst(10).first == "T" else {
                throw APIError(.badRequest, "datetime \"\(text.prefix(64))\" is not RFC 3339 (2022-01-20, 2022-01-20T00:00:00Z, a/b, ../b)", parameter: "datetime")
            }
            return d
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            let d = try one(parts[0])
            guard d != nil else { throw APIError(.badRequest, "datetime \"..\" alone is not a date", parameter: "datetime") }
            return (d, d)
        case 2:
            let (a, b) = (try one(parts[0]), try one(parts[1]))
            if let a, let b, a > b { throw APIError(.badRequest, "datetime interval ends before it starts", parameter: "datetime") }
            return (a, b)
        default:
            throw APIError(.badRequest, "datetime has more than one /", parameter: "datetime")
        }
    }

    // MARK: - Responses

    static func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        return "http://\(host)"
    }

    static func link(_ href: String, _ rel: String, _ type: String, _ title: String) -> String {
        #"{"href":\#(jsonString(href)),"rel":"\#(rel)","type":"\#(type)","title":"\#(title)"}"#
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func geojson(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/geo+json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The animated map, live from the database.
    static func mapPage(data: ServerData) throws -> String {
        guard let control = data.control, let border = data.border, let extent = try data.store.timeExtent() else {
            return "<!DOCTYPE html><html><body><p>No dated incidents stored yet.</p></body></html>"
        }
        let incidents = try data.store.list(IncidentFilter(limit: 100_000))
        let labels = control.periods.values.compactMap(\.first?.place).filter { $0.kind == .city || $0.kind == .town }
        return try AnimatedMap(
            from: extent.first, to: extent.last, step: .week, control: control, incidents: incidents, outlines: data.outlines,
            clip: border, view: try Envelope(minX: 37.6, minY: 34.3, maxX: 42.4, maxY: 37.35), labels: labels
        ).html()
    }
}
