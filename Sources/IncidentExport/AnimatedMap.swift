public import Foundation
public import Extraction
public import Gazetteer
public import IncidentControl
import IncidentGeodesy
public import IncidentGeometry
public import IncidentStore

/// A self-contained HTML page that plays control and incidents through time: an SVG map
/// (borders, towns labelled in Latin and Arabic, control zones, incident symbols), a timeline
/// slider, play/pause, step buttons, arrow keys, a legend and incident details on hover or tap.
/// No third-party script; it works offline from a file:// URL. `#date=YYYY-MM-DD` opens a date.
public struct AnimatedMap {
    public var from: Day
    public var to: Day
    /// Days between frames: 1, 7, or about a month.
    public var step: ExportPeriod
    public var control: ControlTimeline
    public var incidents: [StoredIncident]
    /// Outlines to draw (ISO code → geometry); `clip` bounds the control zones.
    public var outlines: [(iso: String, geometry: Geometry)]
    public var clip: Geometry
    /// The map's extent: west, south, east, north.
    public var view: Envelope
    /// Places to label.
    public var labels: [Place]

    /// A map of the given data.
    public init(
        from: Day, to: Day, step: ExportPeriod, control: ControlTimeline, incidents: [StoredIncident],
        outlines: [(iso: String, geometry: Geometry)], clip: Geometry, view: Envelope, labels: [Place]
    ) {
        self.from = from
        self.to = to
        self.step = step
        self.control = control
        self.incidents = incidents
        self.outlines = outlines
        self.clip = clip
        self.view = view
        self.labels = labels
    }

    static let width = 1000.0

    var scale: (x: Double, y: Double) {
        let mid = (view.minY + view.maxY) / 2 * .pi / 180
        let kx = Self.width / (view.maxX - view.minX)
        return (kx, kx / cos(mid))
    }

    var height: Double { (view.maxY - view.minY) * scale.y }

    func project(_ p: Point) -> (Double, Double) {
        ((p.x - view.minX) * scale.x, (view.maxY - p.y) * scale.y)
    }

    func path(_ g: Geometry) -> String {
        var d = ""
        for polygon in g.polygons {
            for ring in [polygon.exterior] + polygon.holes {
                for (k, p) in ring.points.enumerated() {
                    let (x, y) = project(p)
                    d += (k == 0 ? "M" : "L") + formatCoordinate(x, decimals: 1) + "," + formatCoordinate(y, decimals: 1)
                }
                d += "Z"
            }
        }
        return d
    }

    /// The frames' days.
    var frames: [Day] {
        var days = [Day]()
        var d = from
        while d <= to {
            days.append(d)
            switch step {
            case .day: d = d.adding(days: 1)
            case .week: d = d.adding(days: 7)
            case .month: d = Day(year: d.month == 12 ? d.year + 1 : d.year, month: d.month == 12 ? 1 : d.month + 1, day: 1)!
            }
        }
        return days
    }

    /// The page.
    public func html() throws -> String {
        let viewPolygon = Geometry.polygon(view.polygon)
        // Borders, clipped to the view.
        var borders = ""
        for (iso, g) in outlines {
            let clipped = try g.intersection(viewPolygon)
            guard !clipped.polygons.isEmpty else { continue }
            borders += #"<path class="country\#(iso == "SY" ? " home" : "")" d="\#(path(clipped))"/>"#
        }
        // Zone sets: one per distinct snapshot, so the file grows with changes, not with frames.
        let places = control.periods.values.compactMap(\.first?.place).sorted { $0.id < $1.id }
        var zoneSets = [String]()
        var zoneIndex = [String: Int]()
        var controllersBySet = [[String]]()
        var frameRecords = [String]()
        for day in frames {
            let snapshot = control.snapshot(on: day)
            let signature = snapshot.map { "\($0.place.id)=\($0.controller.rawValue)" }.joined(separator: ";")
            let index: Int
            if let known = zoneIndex[signature] {
                index = known
            } else {
                let zones = try ControlZones.zones(
                    sites: snapshot.map { (point: $0.place.coordinate.point, controller: $0.controller) }, border: clip)
                var svg = ""
                for zone in zones {
                    let visible = try zone.area.intersection(viewPolygon)
                    guard !visible.polygons.isEmpty else { continue }
                    svg += #"<path class="zone" fill="\#(zone.controller.color)" data-controller="\#(zone.controller.rawValue)" d="\#(path(visible))"/>"#
                }
                index = zoneSets.count
                zoneIndex[signature] = index
                zoneSets.append(svg)
                let byID = Dictionary(snapshot.map { ($0.place.id, $0.controller.rawValue) }, uniquingKeysWith: { a, _ in a })
                controllersBySet.append(places.map { byID[$0.id] ?? "" })
            }
            frameRecords.append(#"{"d":"\#(day)","z":\#(index)}"#)
        }
        // Localities with known control, and labelled towns.
        var localities = [String]()
        for p in places {
            let (x, y) = project(p.coordinate.point)
            localities.append(#"{"n":\#(JSONObject.quote(p.name)),"x":\#(formatCoordinate(x, decimals: 1)),"y":\#(formatCoordinate(y, decimals: 1))}"#)
        }
        var labelSVG = ""
        for p in labels where view.contains(p.coordinate.point) {
            let (x, y) = project(p.coordinate.point)
            labelSVG += #"<g class="label" transform="translate(\#(formatCoordinate(x, decimals: 1)),\#(formatCoordinate(y, decimals: 1)))"><circle r="2.5"/><text x="5" y="-3">\#(escape(p.name))</text><text class="ar" x="5" y="10">\#(escape(p.arabicName ?? ""))</text></g>"#
        }
        // Incidents in the time range and the view.
        var incidentRecords = [String]()
        for i in incidents {
            guard let date = i.date, date.last >= from, date.start <= to, view.contains(i.coordinate.point) else { continue }
            let (x, y) = project(i.coordinate.point)
            var o = JSONObject()
            o.add("id", i.id)
            o.add("t", i.type.rawValue)
            o.add("s", date.start.description)
            o.add("e", date.last.description)
            o.add("p", i.placeName)
            o.add("a", i.actors.map(\.rawValue).joined(separator: ", "))
            o.add("q", i.sources.first?.sentence ?? "")
            o.addRaw("x", formatCoordinate(x, decimals: 1))
            o.addRaw("y", formatCoordinate(y, decimals: 1))
            incidentRecords.append(o.text)
        }
        let data = """
            {"frames":[\(frameRecords.joined(separator: ","))],"zones":[\(zoneSets.map(JSONObject.quote).joined(separator: ","))],\
            "controllers":[\(controllersBySet.map { "[" + $0.map(JSONObject.quote).joined(separator: ",") + "]" }.joined(separator: ","))],\
            "places":[\(localities.joined(separator: ","))],"incidents":[\(incidentRecords.joined(separator: ","))],\
            "colors":{\(Controller.allCases.map { "\"\($0.rawValue)\":\"\($0.color)\"" }.joined(separator: ","))},"step":"\(step.rawValue)"}
            """
        let legend = Controller.allCases.map {
            #"<li><span class="swatch" style="background:\#($0.color)"></span>\#($0.rawValue)</li>"#
        }.joined()
        return Self.template
            .replacingOccurrences(of: "%WIDTH%", with: formatCoordinate(Self.width, decimals: 0))
            .replacingOccurrences(of: "%HEIGHT%", with: formatCoordinate(height, decimals: 0))
            .replacingOccurrences(of: "%BORDERS%", with: borders)
            .replacingOccurrences(of: "%LABELS%", with: labelSVG)
            .replacingOccurrences(of: "%LEGEND%", with: legend)
            .replacingOccurrences(of: "%DATA%", with: data.replacingOccurrences(of: "</", with: "<\\/"))
    }

    func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static let template = #"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>IncidentMap: control and incidents over time</title>
        <style>
        body{margin:0;font-family:system-ui,"Noto Sans","Noto Sans Arabic",sans-serif;background:#f4f1ea;color:#222}
        header{display:flex;flex-wrap:wrap;align-items:center;gap:.6em;padding:.5em .8em;background:#fff;border-bottom:1px solid #ccc}
        #date{font-size:2.2em;font-weight:700;min-width:6.5em}
        #slider{flex:1;min-width:12em}
        button{font-size:1.1em;padding:.3em .7em}
        #map{display:block;width:100%;height:auto;max-height:78vh;background:#cfe3ef}
        .country{fill:#ece8df;stroke:#8a8a8a;stroke-width:.8}
        .country.home{fill:#f7f4ee;stroke:#444;stroke-width:1.4}
        .zone{opacity:.45;stroke:#fff;stroke-width:.5}
        .label circle{fill:#333}.label text{font-size:11px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .label text.ar{font-size:11px;direction:rtl;unicode-bidi:plaintext}
        .locality{stroke:#222;stroke-width:1}
        .incident{stroke:#000;stroke-width:1;cursor:pointer}
        .incident.old{opacity:.3}
        #legend{display:flex;flex-wrap:wrap;gap:.8em;list-style:none;margin:0;padding:.4em .8em;font-size:.9em}
        .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;border:1px solid #555}
        #details{padding:.5em .8em;min-height:3em;font-size:.95em;background:#fff;border-top:1px solid #ccc}
        #details .q{direction:rtl;unicode-bidi:plaintext;display:block;margin-top:.3em}
        @media (max-width:600px){#date{font-size:1.5em}}
        </style></head>
        <body>
        <header>
          <span id="date"></span>
          <button id="prev" aria-label="previous step">&#9664;</button>
          <button id="play" aria-label="play or pause">&#9654;</button>
          <button id="next" aria-label="next step">&#9654;&#9654;</button>
          <input id="slider" type="range" min="0" value="0" aria-label="date">
        </header>
        <svg id="map" viewBox="0 0 %WIDTH% %HEIGHT%" xmlns="http://www.w3.org/2000/svg">
          <g id="borders">%BORDERS%</g><g id="zones"></g><g id="labels">%LABELS%</g><g id="localities"></g><g id="incidents"></g>
        </svg>
        <ul id="legend">%LEGEND%<li>&#9679; incident (faded: previous step)</li></ul>
        <div id="details">Hover or tap an incident for its details.</div>
        <script>
        "use strict";
        window.onerror = function (message) { document.body.setAttribute("data-error", String(message)); };
        const D = %DATA%;
        const NS = "http://www.w3.org/2000/svg";
        const slider = document.getElementById("slider");
        slider.max = D.frames.length - 1;
        const shapes = {attack:"M-6,5L0,-6L6,5Z", clash:"M-5,-5L5,5M-5,5L5,-5", escape:"M0,-6L6,0L0,6L-6,0Z", strike:"M0,-7L2,-2L7,-2L3,1L5,7L0,3L-5,7L-3,1L-7,-2L-2,-2Z"};
        const typeColor = {attack:"#c0392b", clash:"#e67e22", escape:"#8e44ad", strike:"#2c3e50", arrest:"#2980b9", control_change:"#16a085", deployment:"#7f8c8d", agreement:"#27ae60", curfew:"#d35400", hostage:"#9b59b6"};
        function addDays(iso, n) { const d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); }
        function frameEnd(i) { return i + 1 < D.frames.length ? addDays(D.frames[i + 1].d, -1) : addDays(D.frames[i].d, D.step === "day" ? 0 : D.step === "week" ? 6 : 30); }
        const localities = document.getElementById("localities");
        D.places.forEach(function (p, k) {
          const c = document.createElementNS(NS, "circle");
          c.setAttribute("cx", p.x); c.setAttribute("cy", p.y); c.setAttribute("r", 4.5);
          c.setAttribute("class", "locality"); c.setAttribute("data-name", p.n);
          const t = document.createElementNS(NS, "title"); t.textContent = p.n; c.appendChild(t);
          localities.appendChild(c);
        });
        function show(inc) {
          const el = document.getElementById("details");
          el.textContent = "";
          const head = document.createElement("strong");
          head.textContent = inc.t + " · " + inc.s + (inc.e !== inc.s ? " – " + inc.e : "") + " · " + inc.p + (inc.a ? " · " + inc.a : "");
          const q = document.createElement("span"); q.className = "q"; q.textContent = inc.q;
          el.appendChild(head); el.appendChild(q);
        }
        let current = 0;
        function render(i) {
          current = Math.max(0, Math.min(D.frames.length - 1, i));
          const f = D.frames[current], start = f.d, end = frameEnd(current);
          const prevStart = current > 0 ? D.frames[current - 1].d : null;
          document.getElementById("date").textContent = start;
          slider.value = current;
          document.getElementById("zones").innerHTML = D.zones[f.z];
          const owners = D.controllers[f.z];
          Array.prototype.forEach.call(localities.children, function (c, k) {
            const owner = owners[k];
            c.setAttribute("data-controller", owner);
            c.setAttribute("fill", owner ? D.colors[owner] : "#ffffff");
            c.style.display = owner ? "" : "none";
          });
          const g = document.getElementById("incidents");
          g.innerHTML = "";
          D.incidents.forEach(function (inc) {
            const now = inc.s <= end && inc.e >= start;
            const old = !now && prevStart !== null && inc.s <= addDays(start, -1) && inc.e >= prevStart;
            if (!now && !old) return;
            const s = document.createElementNS(NS, shapes[inc.t] ? "path" : "circle");
            if (shapes[inc.t]) { s.setAttribute("d", shapes[inc.t]); s.setAttribute("transform", "translate(" + inc.x + "," + inc.y + ")"); }
            else { s.setAttribute("cx", inc.x); s.setAttribute("cy", inc.y); s.setAttribute("r", 5); }
            s.setAttribute("class", "incident" + (old ? " old" : ""));
            s.setAttribute("fill", typeColor[inc.t] || "#000"); s.setAttribute("stroke", typeColor[inc.t] || "#000");
            s.setAttribute("data-id", inc.id);
            s.addEventListener("mouseenter", function () { show(inc); });
            s.addEventListener("click", function () { show(inc); });
            g.appendChild(s);
          });
          document.body.setAttribute("data-frame", start);
        }
        let timer = null;
        function toggle() {
          const button = document.getElementById("play");
          if (timer) { clearInterval(timer); timer = null; button.innerHTML = "&#9654;"; return; }
          button.innerHTML = "&#10074;&#10074;";
          timer = setInterval(function () { render(current + 1 < D.frames.length ? current + 1 : 0); }, 700);
        }
        document.getElementById("play").addEventListener("click", toggle);
        document.getElementById("prev").addEventListener("click", function () { render(current - 1); });
        document.getElementById("next").addEventListener("click", function () { render(current + 1); });
        slider.addEventListener("input", function () { render(Number(slider.value)); });
        document.addEventListener("keydown", function (e) {
          if (e.key === "ArrowLeft") render(current - 1);
          else if (e.key === "ArrowRight") render(current + 1);
          else if (e.key === " ") { e.preventDefault(); toggle(); }
        });
        function fromHash() {
          const m = /date=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
          if (!m) return 0;
          let k = 0;
          D.frames.forEach(function (f, i) { if (f.d <= m[1]) k = i; });
          return k;
        }
        window.addEventListener("hashchange", function () { render(fromHash()); });
        render(fromHash());
        </script>
        </body></html>
        """#
}
