# Reads the incidents layer of an OGC API - Features server with QGIS's OAPIF provider:
# every feature, then those in a bbox. Run by the server tests with Debian's python3 (python3-qgis).
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsVectorLayer, QgsRectangle, QgsFeatureRequest
app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer("url='%s' typename='incidents'" % sys.argv[1], "incidents", "OAPIF")
if not layer.isValid():
    print("invalid", layer.error().summary())
    sys.exit(2)
total = sum(1 for _ in layer.getFeatures())
request = QgsFeatureRequest().setFilterRect(QgsRectangle(40.5, 36.3, 41.0, 36.7))
boxed = sum(1 for _ in layer.getFeatures(request))
print("total", total, "boxed", boxed)
app.exitQgis()
