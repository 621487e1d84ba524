"""Stage 2, typesetting: what every output needs from the text, whatever its format.

Takes a Manifest and its Document; gives running text typeset (bidi isolation), the Jinja2
templates every layout is rendered with, the Job a renderer receives, fonts subset for the
outputs that embed them, and the terms in which the PDF tells the EPUB where its pages begin.
"""
