"""Signals other apps listen to.

`digest_acknowledged(sender=Digest, digest=...)` is sent inside the transaction that records
the first acknowledgement of a digest (the API's webhooks use it).
"""

from django.dispatch import Signal

digest_acknowledged = Signal()
