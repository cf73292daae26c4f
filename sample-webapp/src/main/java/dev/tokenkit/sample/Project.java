package dev.tokenkit.sample;

import java.util.List;

/**
 * A project donations can go to, and the list of them.
 *
 * @param id the project's id
 * @param title the project's title
 * @since 0.1.0
 */
public record Project(String id, String title) {

	/** Every project. */
	public static final List<Project> ALL = List.of(new Project("p-clean-water", "Clean water for 500 families"),
			new Project("p-school-books", "Books for a village school"),
			new Project("p-solar-clinic", "Solar power for a rural clinic"));

	/**
	 * Whether a project with this id exists.
	 *
	 * @param id the id
	 * @return {@code true} if it does
	 */
	public static boolean exists(String id) {
		return ALL.stream().anyMatch((project) -> project.id().equals(id));
	}

}
