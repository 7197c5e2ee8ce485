"""Configuration without Qt: the profile, the settings, the secrets and logging."""
