-- Runs once, when the postgres service initialises an empty data volume
-- (mounted into /docker-entrypoint-initdb.d by docker-compose.yml).
--
-- The application's own database. Temporal's databases (temporal, temporal_visibility)
-- are created by the temporal-admin-tools service with temporal-sql-tool, not here.
-- Tables are created by the application's migrations when api/worker start.
CREATE DATABASE kabinet;
