"""The tray app: its start-up, the pops, the call flow, set-up and the softphone."""
