package uk.putitright;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** For daily housekeeping such as the "due soon" Tasklist filter; disabled in tests. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
