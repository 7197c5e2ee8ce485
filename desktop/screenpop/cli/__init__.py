"""The command line (DESIGN §5): a stable contract that scripts and softphones use."""
