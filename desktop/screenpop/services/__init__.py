"""Services built from the configuration: the SuperOffice connection."""
