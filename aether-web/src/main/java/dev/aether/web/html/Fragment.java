package dev.aether.web.html;

import java.util.List;

/** Several nodes side by side, with no element around them. */
public record Fragment(List<Node> children) implements Node {
    public Fragment {
        children = List.copyOf(children);
    }
}
