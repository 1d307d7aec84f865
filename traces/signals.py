"""Signals other apps listen to.

`trace_resolved(sender=Trace, trace=...)` is sent inside the transaction that marks a trace
done or not done, so a listener's writes (the API's webhook outbox) commit with the change.
"""

from django.dispatch import Signal

trace_resolved = Signal()
