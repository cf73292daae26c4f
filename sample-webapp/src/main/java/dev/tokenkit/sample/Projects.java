package dev.tokenkit.sample;

import java.util.List;

/**
 * The projects donations can go to.
 *
 * @param id the project's id
 * @param title the project's title
 * @since 0.1.0
 */
public record Projects(String id, String title) {

	/** Every project. */
	public static final List<Projects> ALL = List.of(new Projects("p-clean-water", "Clean water for 500 families"),
			new Projects("p-school-books", "Books for a village school"),
			new Projects("p-solar-clinic", "Solar power for a rural clinic"));

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
