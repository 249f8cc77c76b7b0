"""Bad input, fuzzed: files, control-socket lines and command-line values (issue 10)."""
