import IncidentsCLI

await Incidents.start()
