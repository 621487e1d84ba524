"""Stage 3, the web: dist/ as a download site, its index.html (fonts and covers inlined) and SHA256SUMS."""
