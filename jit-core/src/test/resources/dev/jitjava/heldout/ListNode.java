package bench;

/** LeetCode's singly-linked list node, as its problems define it. */
public class ListNode {
    public int val;
    public ListNode next;

    public ListNode() {
    }

    public ListNode(int val) {
        this.val = val;
    }

    public ListNode(int val, ListNode next) {
        this.val = val;
        this.next = next;
    }

    /** A list of the values, in order. */
    public static ListNode of(int... values) {
        ListNode head = null;
        for (int i = values.length - 1; i >= 0; i--) {
            head = new ListNode(values[i], head);
        }
        return head;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListNode node && node.val == val && java.util.Objects.equals(next, node.next);
    }

    @Override
    public int hashCode() {
        return 31 * val + (next == null ? 0 : next.hashCode());
    }

    @Override
    public String toString() {
        return val + (next == null ? "" : "->" + next);
    }
}
