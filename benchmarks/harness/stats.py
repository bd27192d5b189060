"""Order statistics of the rounds: percentiles and the summary the report shows."""

from __future__ import annotations

import math
import typing as t

#: The percentiles a :func:`summary` holds, by name.
SUMMARY_PERCENTILES: t.Final = {"p10": 10, "p25": 25, "median": 50, "p75": 75, "p90": 90}


def percentile(values: t.Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``, linearly interpolated
    between the closest ranks (NumPy's default, ``statistics.quantiles``'
    ``inclusive`` method).

    :raises ValueError: ``values`` is empty.
    """
    if not values:
        raise ValueError("percentile of no values")

    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: t.Sequence[float]) -> float:
    return percentile(values, 50)


def summary(values: t.Sequence[float]) -> dict[str, float]:
    """``min``, ``p10``, ``p25``, ``median``, ``p75``, ``p90``, ``max`` of ``values``."""
    result = {"min": min(values)}
    result.update({name: percentile(values, q) for name, q in SUMMARY_PERCENTILES.items()})
    result["max"] = max(values)
    return result


def share_at_least(values: t.Sequence[float], threshold: float) -> float:
    """The fraction of ``values`` that are ``>= threshold``."""
    return sum(1 for value in values if value >= threshold) / len(values)
