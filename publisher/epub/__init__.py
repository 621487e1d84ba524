"""Stage 3, the EPUB: a Job, its cover and where its PDF's pages begin → XHTML with page break markers →
ebooklib → EPUB 3 bytes, repacked deterministically."""
