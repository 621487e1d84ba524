"""Stage 1, the sources: what the workspace holds, read and checked.

Takes `source/<slug>/` (manifest.toml, text files, images) and `fonts/`; gives a validated Manifest,
a Document of safe XHTML chapters, the FontSet that must draw every character, and the Sandbox of
files a renderer may read. Every problem is an InputError naming the file and the key or line.
"""
