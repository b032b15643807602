package uk.putitright.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installations (and developers' H2 files) from before Liquibase managed the engine's tables have them, made by
 * the engine's schema-update, but no Liquibase history, so Liquibase would try to create them again. Camunda's
 * documented way over is a changelog sync up to the version the tables are at: this marks those change sets as
 * run (recorded in ACT_GE_SCHEMA_LOG), so Liquibase then applies only later upgrades.
 */
class ExistingEngineSchema {

    static final String BEAN = "existingEngineSchema";
    private static final Logger log = LoggerFactory.getLogger(ExistingEngineSchema.class);

    ExistingEngineSchema(DataSource dataSource, String changeLog) throws SQLException, LiquibaseException {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasTable(connection, "ACT_GE_SCHEMA_LOG") || hasTable(connection, "DATABASECHANGELOG")) {
                return;
            }
            String tag = versionTag(connection);
            log.warn("Engine tables at {} without Liquibase history: marking the changelog as run up to tag {}",
                    tag, tag);
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // not closed: closing it would close the connection the try block owns
            Liquibase liquibase = new Liquibase(changeLog.replaceFirst("^classpath:", ""),
                    new ClassLoaderResourceAccessor(getClass().getClassLoader()), database);
            liquibase.changeLogSync(tag, new Contexts(), new LabelExpression());
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : new String[] {name, name.toLowerCase()}) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), null, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The newest schema version, as the changelog tags it (7.24.3 tables are tag 7.24.0). */
    private static String versionTag(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG order by TIMESTAMP_ desc")) {
            if (!rows.next()) {
                throw new IllegalStateException("ACT_GE_SCHEMA_LOG is empty: cannot tell which version the engine tables are");
            }
            return rows.getString(1).replaceFirst("^(\\d+\\.\\d+).*$", "$1.0");
        }
    }
}
