package dev.tokenkit.sample;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the {@link SecurityReport} once every test of the run has finished, if a security test recorded anything.
 * Registered through {@code META-INF/services}, so it runs under Maven Surefire and in an IDE alike.
 */
public final class SecurityReportListener implements TestExecutionListener {

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (!SecurityReport.isEmpty()) {
			SecurityReport.write();
		}
	}

}
