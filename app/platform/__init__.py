"""Operating-system edges: idle time and session (lock/sleep) signals.

One module per backend behind the small contracts of ``base``; ``factory`` picks them from
the environment, imports them lazily and falls back to the null backends.
"""
