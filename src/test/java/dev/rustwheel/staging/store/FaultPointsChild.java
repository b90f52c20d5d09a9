package dev.rustwheel.staging.store;

/** Child process for {@link FaultPointsTest}: arms args[0], then reaches args[1] args[2] times, printing each. */
public final class FaultPointsChild {

    private FaultPointsChild() {
    }

    public static void main(String[] args) {
        FaultPoints.arm(args[0]);
        for (int i = 1; i <= Integer.parseInt(args[2]); i++) {
            System.out.println("before " + i);
            System.out.flush();
            FaultPoints.reach(args[1]);
        }
        System.out.println("survived");
    }
}
