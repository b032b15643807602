package uk.putitright.intake;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:putitright-api;DB_CLOSE_DELAY=-1")
class ComplaintApiOnH2Test extends ComplaintApiEndToEndTest {
}
