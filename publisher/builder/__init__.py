"""Stage 4, the build: a workspace in, dist/ out.

Which publications, what is stale (cache), checking them all before rendering any, the render
pool, atomic writes into dist/; and the workspace commands built on it: check, new, watch.
(Named `builder` so that `publisher.build` stays the function a script calls.)
"""
