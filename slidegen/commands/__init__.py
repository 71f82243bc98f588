"""Command-line commands: argument parsing only; the work happens in the library."""
