"""Ingesting whole archives: which documents to code, coding them (here or on Dask
workers), and the progress and summary a user sees.

Modules: `identity` (what makes two inputs the same document), `plan` (the
decision for each document of a batch), `coded` (coding a batch into rows,
the function Dask workers run), `runner` (the read -> plan -> code -> store
loop, pipelined), `progress` (progress bar, log lines, summary), `versions`
(what produced an event), `recode` (documents back out of the store).
"""
