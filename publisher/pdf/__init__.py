"""Stage 3, the PDF: a Job → HTML → WeasyPrint → print-ready or screen PDF bytes.

Also where each page begins, read from the layout for the EPUB's print-page map (pagemap), the marks
in the PDF's text layer that make extractors read it right (textlayer, pagetext,
addresspieces), a long book laid out in parts by several processes and merged (parallel, parts,
partrender, merge, fontmerge, weasyhooks), and the EPUB's generated cover, which WeasyPrint draws too.
"""
