-- Orleans grain storage on PostgreSQL for Microsoft.Orleans.Persistence.AdoNet (invariant Npgsql): LearningOrg's own
-- schema. Idempotent: the silo applies it at start (GrainStorage:Provider=AdoNet), and it may be run by hand with
--   psql "$url" -v ON_ERROR_STOP=1 -f infra/orleans/postgresql/persistence.sql
-- Tables land in the connection's search path (public unless the connection string sets Search Path).
--
-- The provider reads its three statements from OrleansQuery (WriteToStorageKey, ReadFromStorageKey, ClearStorageKey)
-- and expects:
--   write: one row, column NewGrainStateVersion = the new version; the old version (or NULL) when nothing was written;
--   read:  at most one row with columns PayloadBinary and Version;
--   clear: one row whose first column is the new version; the old version (or NULL) when nothing was cleared.
-- The provider throws InconsistentStateException when the version it gets back equals the one it sent, or is NULL.
--
-- Where this differs from the script shipped with Orleans, on purpose:
--   * A cleared state is not returned by the read, so a grain reads "no record" after a clear (RecordExists false,
--     no ETag), as it does with the memory and Azure providers; a write without an ETag may then take the row again.
--   * A unique index on the key makes two concurrent first writes of one grain state end in exactly one row.
--   * A missing key extension is stored as '' so that the unique index needs no NULL handling.

BEGIN;

-- Several silos may start together: one applies the script, the others wait and find everything in place.
SELECT pg_advisory_xact_lock(hashtext('learningorg:orleans:persistence.sql'));

-- Shared with the other Orleans ADO.NET providers (clustering, reminders); same shape as Orleans' own.
CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64)   NOT NULL,
    querytext varchar(8000) NOT NULL,
    CONSTRAINT orleansquery_key PRIMARY KEY (querykey)
);

CREATE TABLE IF NOT EXISTS learningorg_grain_state
(
    serviceid              varchar(150) NOT NULL,
    graintypestring        text         NOT NULL, -- the state's name as the provider passes it
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    grainidextensionstring text         NOT NULL, -- the string key or key extension, '' when none
    grainidhash            integer      NOT NULL,
    graintypehash          integer      NOT NULL,
    payloadbinary          bytea,                 -- NULL once cleared
    modifiedon             timestamptz  NOT NULL,
    version                integer      NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS learningorg_grain_state_key
    ON learningorg_grain_state (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring);

CREATE OR REPLACE FUNCTION learningorg_write_grain_state(
    _grainidhash integer, _grainidn0 bigint, _grainidn1 bigint, _graintypehash integer, _graintypestring text,
    _grainidextensionstring text, _serviceid varchar, _grainstateversion integer, _payloadbinary bytea)
    RETURNS TABLE (newgrainstateversion integer)
    LANGUAGE plpgsql
AS $$
DECLARE
    _written integer;
BEGIN
    IF _grainstateversion IS NOT NULL THEN
        -- The caller read version N: write only if the row is still at N.
        UPDATE learningorg_grain_state AS s
           SET payloadbinary = _payloadbinary, modifiedon = now(), version = s.version + 1
         WHERE s.serviceid = _serviceid AND s.graintypestring = _graintypestring
           AND s.grainidn0 = _grainidn0 AND s.grainidn1 = _grainidn1
           AND s.grainidextensionstring = coalesce(_grainidextensionstring, '')
           AND s.version = _grainstateversion
        RETURNING s.version INTO _written;
    ELSE
        -- The caller saw no record: create it, or take over a cleared one; a live record means a stale caller.
        INSERT INTO learningorg_grain_state AS s
               (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring, grainidhash, graintypehash,
                payloadbinary, modifiedon, version)
        VALUES (_serviceid, _graintypestring, _grainidn0, _grainidn1, coalesce(_grainidextensionstring, ''),
                _grainidhash, _graintypehash, _payloadbinary, now(), 1)
        ON CONFLICT (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring) DO UPDATE
           SET payloadbinary = excluded.payloadbinary, modifiedon = now(), version = s.version + 1
         WHERE s.payloadbinary IS NULL
        RETURNING s.version INTO _written;
    END IF;
    RETURN QUERY SELECT coalesce(_written, _grainstateversion);
END
$$;

-- The casts give Npgsql's untyped NULL parameters a type.
INSERT INTO orleansquery (querykey, querytext) VALUES
('WriteToStorageKey', '
    SELECT newgrainstateversion AS "NewGrainStateVersion"
      FROM learningorg_write_grain_state(CAST(@GrainIdHash AS integer), CAST(@GrainIdN0 AS bigint),
           CAST(@GrainIdN1 AS bigint), CAST(@GrainTypeHash AS integer), CAST(@GrainTypeString AS text),
           CAST(@GrainIdExtensionString AS text), CAST(@ServiceId AS varchar), CAST(@GrainStateVersion AS integer),
           CAST(@PayloadBinary AS bytea))'),
('ReadFromStorageKey', '
    SELECT payloadbinary AS "PayloadBinary", version AS "Version"
      FROM learningorg_grain_state
     WHERE serviceid = CAST(@ServiceId AS varchar) AND graintypestring = CAST(@GrainTypeString AS text)
       AND grainidn0 = CAST(@GrainIdN0 AS bigint) AND grainidn1 = CAST(@GrainIdN1 AS bigint)
       AND grainidextensionstring = coalesce(CAST(@GrainIdExtensionString AS text), '''')
       AND payloadbinary IS NOT NULL'),
-- A clear writes a NULL payload at the version the grain read: the row stays, with version + 1, so a writer still
-- holding the old version is refused, and the read above no longer returns it.
('ClearStorageKey', '
    SELECT newgrainstateversion AS "NewGrainStateVersion"
      FROM learningorg_write_grain_state(CAST(@GrainIdHash AS integer), CAST(@GrainIdN0 AS bigint),
           CAST(@GrainIdN1 AS bigint), CAST(@GrainTypeHash AS integer), CAST(@GrainTypeString AS text),
           CAST(@GrainIdExtensionString AS text), CAST(@ServiceId AS varchar), CAST(@GrainStateVersion AS integer),
           NULL)')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

COMMIT;
