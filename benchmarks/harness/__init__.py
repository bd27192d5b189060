"""The benchmark harness: find implementations, time workloads, report.

- :mod:`harness.impls`: imports Werkzeug and both twins, and refuses to call
  anything "compiled" unless ``wrappers.COMPILED`` is True;
- :mod:`harness.timing`: warm-up, ``autorange`` calibration, interleaved rounds;
- :mod:`harness.runner`: builds each workload per implementation, cross-checks
  the results, times them;
- :mod:`harness.report`: the table and the JSON file.
"""
