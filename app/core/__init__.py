"""The pure domain: clocks, desk time, bouts, prompts. No Qt, no I/O."""
