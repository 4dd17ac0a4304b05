import ArgumentParser
import IncidentsCLI

Incidents.main()
