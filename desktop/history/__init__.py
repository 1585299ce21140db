"""Call history: report cache, outcome words, filtering, recordings, exports and the panel."""
