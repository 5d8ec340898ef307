"""Benchmarks: each script prints its figures and saves them as JSON under benchmarks/results/."""
