"""External python source package."""
