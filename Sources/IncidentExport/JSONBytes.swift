import Extraction
import IncidentGeometry

/// JSON text written straight into a UTF-8 byte buffer: no intermediate strings, arrays or
/// objects per member, which is what lets an export of a million incidents outrun GDAL.
///
/// Members are written in order by the caller, who writes the separators too
/// (`raw(#","type":"#)`), so the output is exactly what the caller spells.
struct JSONBytes {
    var bytes: [UInt8]

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Literal JSON text: punctuation and member keys.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// JSON text already made (a nested object from elsewhere).
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A day as a quoted ISO 8601 date (`"2022-01-20"`), or `null`.
    mutating func day(_ value: Day?) {
        guard let value else { return raw("null") }
        bytes.append(0x22)
        dayDigits(value)
        bytes.append(0x22)
    }

    /// `YYYY-MM-DD` without quotes.
    mutating func dayDigits(_ d: Day) {
        let y = d.year
        bytes.append(0x30 + UInt8(y / 1000 % 10))
        bytes.append(0x30 + UInt8(y / 100 % 10))
        bytes.append(0x30 + UInt8(y / 10 % 10))
        bytes.append(0x30 + UInt8(y % 10))
        bytes.append(0x2D)
        bytes.append(0x30 + UInt8(d.month / 10))
        bytes.append(0x30 + UInt8(d.month % 10))
        bytes.append(0x2D)
        bytes.append(0x30 + UInt8(d.day / 10))
        bytes.append(0x30 + UInt8(d.day % 10))
    }

    /// A JSON string literal with RFC 8259 escaping, or `null`.
    mutating func string(_ value: String?) {
        guard var value else { return raw("null") }
        value.withUTF8 { appendQuoted($0) }
    }

    /// A JSON integer, or `null`.
    mutating func int(_ value: Int?) {
        guard let value else { return raw("null") }
        var n = value.magnitude
        if value < 0 { bytes.append(0x2D) }
        if n < 10 {
            bytes.append(0x30 + UInt8(n))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            while n > 0 {
                digits[count] = 0x30 + UInt8(n % 10)
                n /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[i]) }
        }
    }

    /// A number with at most `decimals` decimal places, no trailing zeros.
    mutating func number(_ value: Double, decimals: Int = 6) {
        appendCoordinate(value, decimals: decimals, to: &bytes)
    }

    mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    /// An array of JSON strings.
    mutating func strings(_ values: [String]) {
        bytes.append(0x5B)
        for (k, v) in values.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            string(v)
        }
        bytes.append(0x5D)
    }

    /// A GeoJSON Point geometry object, longitude first.
    mutating func point(longitude: Double, latitude: Double, decimals: Int = 6) {
        raw(#"{"type":"Point","coordinates":["#)
        number(longitude, decimals: decimals)
        bytes.append(0x2C)
        number(latitude, decimals: decimals)
        raw("]}")
    }

    /// Quotes UTF-8 bytes, escaping control characters, `"`, `\` and U+2028/U+2029 (E2 80 A8/A9),
    /// which some JavaScript readers choke on. Runs of plain bytes are copied whole.
    private mutating func appendQuoted(_ s: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        var i = 0
        let n = s.count
        while i < n {
            let b = s[i]
            let escape: StaticString?
            var width = 1
            switch b {
            case 0x22: escape = #"\""#
            case 0x5C: escape = #"\\"#
            case 0x0A: escape = #"\n"#
            case 0x0D: escape = #"\r"#
            case 0x09: escape = #"\t"#
            case 0..<0x20: escape = ""
            case 0xE2 where i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9):
                escape = s[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                width = 3
            default: escape = nil
            }
            if let escape {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<i]))
                if escape.utf8CodeUnitCount > 0 {
                    raw(escape)
                } else {
                    // Other control characters as \u00XX.
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    raw(#"\u00"#)
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 0xF)])
                }
                i += width
                runStart = i
            } else {
                i += 1
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<n]))
        bytes.append(0x22)
    }
}
