"""Business decisions as plain functions over loaded state (no I/O).

Each decision — may this grant / payment / redemption happen, which lots, what result — is written once here and
called by every path of the cloud that carries it out (the general SQLAlchemy path, the SQLite and PostgreSQL batch
runners, the asyncpg hot paths): a path loads the state, calls the rule, writes the plan.
"""
