package bench;

/** LeetCode's binary tree node, as its problems define it. */
public class TreeNode {
    public int val;
    public TreeNode left;
    public TreeNode right;

    public TreeNode() {
    }

    public TreeNode(int val) {
        this.val = val;
    }

    public TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }

    /** A tree from LeetCode's level order, null for a missing node: {@code of(3, 9, 20, null, null, 15, 7)}. */
    public static TreeNode of(Integer... levels) {
        if (levels.length == 0 || levels[0] == null) {
            return null;
        }
        TreeNode root = new TreeNode(levels[0]);
        java.util.ArrayDeque<TreeNode> queue = new java.util.ArrayDeque<>();
        queue.add(root);
        for (int i = 1; i < levels.length; i += 2) {
            TreeNode parent = queue.poll();
            if (levels[i] != null) {
                parent.left = new TreeNode(levels[i]);
                queue.add(parent.left);
            }
            if (i + 1 < levels.length && levels[i + 1] != null) {
                parent.right = new TreeNode(levels[i + 1]);
                queue.add(parent.right);
            }
        }
        return root;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeNode node && node.val == val && java.util.Objects.equals(left, node.left)
                && java.util.Objects.equals(right, node.right);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(val, left, right);
    }

    @Override
    public String toString() {
        return left == null && right == null ? String.valueOf(val) : "(" + left + " " + val + " " + right + ")";
    }
}
