"""One module per measure; each `bench_*` returns table rows (dashboard vs floor, ratio, target)."""
