"""Domain services of the points cloud: each runs inside a transaction handed in by the caller."""
