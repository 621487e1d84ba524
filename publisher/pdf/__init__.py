"""Stage 3, the PDF: a Job → HTML → WeasyPrint → print-ready or screen PDF bytes.

Also where each page begins, read from the layout for the EPUB's print-page map (pagemap), the marks
in the PDF's text layer that make extractors read it right (textlayer, pagetext,
addresspieces), and the EPUB's generated cover, which WeasyPrint draws too.
"""
