"""The cloud's fixtures (throwaway PostgreSQL, demo PKI, demo municipality, embedded server), shared with tests/integration/cloud."""

from __future__ import annotations

from cloud.conftest import cloud, database_url, demo, pg_server, pki_dir, server

__all__ = ["cloud", "database_url", "demo", "pg_server", "pki_dir", "server"]
