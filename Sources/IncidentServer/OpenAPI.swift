/// The OpenAPI 3.0 description served at `/openapi` (the landing page's service-desc link).
enum OpenAPI {
    static func document(base: String) -> String {
        let collection = #"{"name":"collectionId","in":"path","required":true,"schema":{"type":"string","enum":["incidents","places","control"]}}"#
        let limit = #"{"name":"limit","in":"query","schema":{"type":"integer","minimum":1,"maximum":10000,"default":100}}"#
        let bbox = #"{"name":"bbox","in":"query","style":"form","explode":false,"schema":{"type":"array","minItems":4,"maxItems":6,"items":{"type":"number"}}}"#
        let datetime = #"{"name":"datetime","in":"query","schema":{"type":"string"}}"#
        let offset = #"{"name":"offset","in":"query","schema":{"type":"integer","minimum":0,"default":0}}"#
        func op(_ id: String, _ summary: String, _ params: [String] = [], _ type: String = "application/json") -> String {
            #"{"get":{"operationId":"\#(id)","summary":"\#(summary)","parameters":[\#(params.joined(separator: ","))],"responses":{"200":{"description":"OK","content":{"\#(type)":{}}},"400":{"description":"bad request"},"404":{"description":"not found"}}}}"#
        }
        return """
            {"openapi":"3.0.3","info":{"title":"IncidentMap","version":"1.0"},"servers":[{"url":"\(base)"}],"paths":{\
            "/":\(op("getLandingPage", "Landing page")),\
            "/conformance":\(op("getConformance", "Conformance classes")),\
            "/collections":\(op("getCollections", "Collections")),\
            "/collections/{collectionId}":\(op("describeCollection", "One collection", [collection])),\
            "/collections/{collectionId}/items":\(op("getFeatures", "Features", [collection, bbox, datetime, limit, offset], "application/geo+json")),\
            "/collections/{collectionId}/items/{featureId}":\(op("getFeature", "One feature", [collection, #"{"name":"featureId","in":"path","required":true,"schema":{"type":"string"}}"#], "application/geo+json")),\
            "/near":\(op("near", "Incidents near a place", [#"{"name":"place","in":"query","required":true,"schema":{"type":"string"}}"#, #"{"name":"within","in":"query","schema":{"type":"string"}}"#], "application/geo+json")),\
            "/resolve":\(op("resolve", "Gazetteer look-up", [#"{"name":"name","in":"query","required":true,"schema":{"type":"string"}}"#]))}}
            """
    }
}
