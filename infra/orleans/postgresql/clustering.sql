-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.x, invariant Npgsql) for LearningOrg.
--
-- Apply it with infra/orleans-schema.sh, which creates the schema and sets search_path to it first; every object
-- below is unqualified so the same text serves any schema (the tests give each cluster a schema of its own).
-- Idempotent: applying it again changes nothing but the query texts, which it rewrites.
--
-- The provider reads its statements from OrleansQuery (its own fixed SELECT, so that table's name and columns are
-- set by it) and binds parameters by name: @DeploymentId (the cluster id), @Address, @Port, @Generation,
-- @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, @SuspectTimes and @Version (the table
-- version it read, which every write must still find). It reads result columns by name, hence the quoted aliases.
-- Silo status numbers are Orleans' SiloStatus: 3 Active, 6 Dead.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

-- One row per cluster: its membership version, raised by every membership write (optimistic concurrency).
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port and generation, which is its start time).
CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id  text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address        text        NOT NULL,
    port           integer     NOT NULL,
    generation     integer     NOT NULL,
    silo_name      text        NOT NULL,
    host_name      text        NOT NULL,
    status         integer     NOT NULL,
    proxy_port     integer     NOT NULL DEFAULT 0,
    suspect_times  text        NULL,
    start_time     timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Adds a silo's row if the cluster's version is still the one the silo read, and raises the version; false when
-- another write came first or the row exists. Both changes happen together or not at all.
CREATE OR REPLACE FUNCTION orleans_insert_membership(
    p_deployment_id text, p_address text, p_port integer, p_generation integer, p_silo_name text,
    p_host_name text, p_status integer, p_proxy_port integer, p_start_time timestamptz,
    p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id AND version = p_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                    proxy_port, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
            coalesce(p_proxy_port, 0), p_start_time, p_i_am_alive_time);
    RETURN true;
EXCEPTION
    -- The row exists already: the block's changes, the version included, are undone.
    WHEN unique_violation THEN
        RETURN false;
END
$$;

-- Changes a silo's status and suspicions if the cluster's version is still the one read, and raises the version;
-- false when another write came first or the row is missing.
CREATE OR REPLACE FUNCTION orleans_update_membership(
    p_deployment_id text, p_address text, p_port integer, p_generation integer, p_status integer,
    p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
BEGIN
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id AND version = p_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    UPDATE orleans_membership
       SET status = p_status,
           suspect_times = p_suspect_times,
           -- A heartbeat written meanwhile may be newer than the time this update carries.
           i_am_alive_time = greatest(i_am_alive_time, p_i_am_alive_time)
     WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port
       AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no membership row' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN true;
EXCEPTION
    WHEN no_data_found THEN
        RETURN false;
END
$$;

BEGIN;

DELETE FROM OrleansQuery
 WHERE QueryKey IN ('InsertMembershipVersionKey', 'InsertMembershipKey', 'UpdateMembershipKey',
                    'UpdateIAmAlivetimeKey', 'MembershipReadRowKey', 'MembershipReadAllKey', 'GatewaysQueryKey',
                    'DeleteMembershipTableEntriesKey', 'CleanupDefunctSiloEntriesKey', 'CleanupDefunctSiloEntryKey');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
-- true when this call created the cluster's version row.
('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT count(*) > 0 FROM created'),

('InsertMembershipKey', '
SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                                 @ProxyPort, @StartTime, @IAmAliveTime, @Version)'),

('UpdateMembershipKey', '
SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                 @IAmAliveTime, @Version)'),

-- Heartbeats do not raise the version: they are not membership changes. A late one never moves the time back.
('UpdateIAmAlivetimeKey', '
UPDATE orleans_membership
   SET i_am_alive_time = greatest(i_am_alive_time, @IAmAliveTime)
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),

-- The version row comes back even without a matching silo (no StartTime then), which the provider expects.
('MembershipReadRowKey', '
SELECT m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
       m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
    ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port
   AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId'),

('MembershipReadAllKey', '
SELECT m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
       m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId'),

-- Clients find the gateways here: active silos that accept clients.
('GatewaysQueryKey', '
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0'),

-- The version row goes, and its silos with it (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', '
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId'),

('CleanupDefunctSiloEntriesKey', '
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = 6
   AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
   AND coalesce(suspect_times, '''') = '''''),

-- The provider picks dead rows older than its cutoff itself and deletes each only if it is unchanged since.
('CleanupDefunctSiloEntryKey', '
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = 6
   AND address = @Address AND port = @Port AND generation = @Generation
   AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '''') = coalesce(@SuspectTimes, '''')');

COMMIT;
