"""engagekit's reference data, as TOML files read on first use."""
