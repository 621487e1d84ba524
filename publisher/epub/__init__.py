"""Stage 3, the EPUB: a Job and its cover → XHTML → ebooklib → EPUB 3 bytes, repacked deterministically."""
